package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml backends}: Lists the model backends, their algorithms and licences. */
@Command(name = "backends", mixinStandardHelpOptions = true, description = "Lists the model backends, their algorithms and licences. (not yet available in this build)")
final class BackendsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml backends' is not yet available in this build");
  }
}
