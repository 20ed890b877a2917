package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml recommend}: Recommends products to customers. */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = "Recommends products to customers. (not yet available in this build)")
final class RecommendCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml recommend' is not yet available in this build");
  }
}
