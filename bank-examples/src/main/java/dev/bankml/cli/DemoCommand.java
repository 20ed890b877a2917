package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml demo}: Runs the main job. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs the main job. (not yet available in this build)")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml demo' is not yet available in this build");
  }
}
