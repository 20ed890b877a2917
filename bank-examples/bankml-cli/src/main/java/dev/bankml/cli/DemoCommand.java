package dev.bankml.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bankml demo}: the browser UI over a synthetic bank, ready in one command. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the browser UI on a synthetic bank and prints the URL to open.",
      "The first run generates the bank and trains the models (about a minute on two cores); later runs reuse them."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin UiServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.run(spec.commandLine().getOut(), "127.0.0.1", server, Optional.empty(), List.of(), false,
        Optional.empty(), "bankml demo is ready; open ");
  }
}
