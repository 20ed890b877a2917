package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml generate}: Generates a synthetic bank with its hidden truth. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generates a synthetic bank with its hidden truth. (not yet available in this build)")
final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml generate' is not yet available in this build");
  }
}
