package dev.bankml.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Where the bank and models are kept (default: $BANKML_CACHE, else $XDG_CACHE_HOME/bankml, else $HOME/.cache/bankml).")
  Path cache;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Option(names = "--exit-when-ready", hidden = true, description = "Start, print the URL and stop (for tests and scripts).")
  boolean exitWhenReady;

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.run(spec.commandLine().getOut(), "127.0.0.1", port, Optional.empty(), java.util.List.of(), false,
        Optional.empty(), Optional.ofNullable(cache), quiet, exitWhenReady, "bankml demo is ready; open ");
  }
}
