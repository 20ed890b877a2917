package dev.bankml.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that start the browser UI, {@code serve} and {@code demo}: port, cache, output. */
final class UiServerOptions {
  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Where the default bank and trained models are kept (default: $BANKML_CACHE, else $XDG_CACHE_HOME/bankml,"
          + " else $HOME/.cache/bankml).")
  Path cache;

  @Mixin QuietOption progress;

  @Option(names = "--exit-when-ready", hidden = true, description = "Start, print the URL and stop (for tests and scripts).")
  boolean exitWhenReady;

  Optional<Path> cache() {
    return Optional.ofNullable(cache);
  }
}
