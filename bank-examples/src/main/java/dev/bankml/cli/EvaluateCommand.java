package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml evaluate}: Evaluates a loan-default model with cross-validation or a hold-out split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluates a loan-default model with cross-validation or a hold-out split. (not yet available in this build)")
final class EvaluateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml evaluate' is not yet available in this build");
  }
}
