package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml predict}: Scores applications with a model bundle. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Scores applications with a model bundle. (not yet available in this build)")
final class PredictCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml predict' is not yet available in this build");
  }
}
