package dev.bankml.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --json} and {@code -q/--quiet}, shared by the commands that print a result: JSON or text on
 * stdout, progress on stderr unless quiet. Whether {@code --json} also silences progress is the command's choice.
 */
final class OutputOptions {
  @Option(names = "--json", description = "Print the result as JSON on stdout instead of text.")
  boolean json;

  @Mixin QuietOption progress;

  boolean quiet() {
    return progress.quiet;
  }

  /** Whether progress stays off stderr: asked for with {@code --quiet}, or implied by {@code --json} where a command says so. */
  boolean silent() {
    return progress.quiet || json;
  }
}
