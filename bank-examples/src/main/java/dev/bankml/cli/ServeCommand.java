package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml serve}: Serves the browser UI. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the browser UI. (not yet available in this build)")
final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml serve' is not yet available in this build");
  }
}
