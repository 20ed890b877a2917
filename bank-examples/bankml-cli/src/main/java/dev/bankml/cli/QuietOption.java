package dev.bankml.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet}, shared by every command that reports progress or status on stderr. */
final class QuietOption {
  @Option(names = {"-q", "--quiet"}, description = "No progress bar or status lines on stderr.")
  boolean quiet;
}
