package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml profile}: Profiles a CSV file (EDA). */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Profiles a CSV file (EDA). (not yet available in this build)")
final class ProfileCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml profile' is not yet available in this build");
  }
}
