package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml report}: Writes an HTML report with charts. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes an HTML report with charts. (not yet available in this build)")
final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml report' is not yet available in this build");
  }
}
