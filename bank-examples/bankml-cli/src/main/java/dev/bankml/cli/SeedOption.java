package dev.bankml.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed} with the tool's default seed, 42, shared by {@code evaluate}, {@code train}, {@code report}
 * and {@code segment}. ({@code generate} keeps its own default, 1, and {@code recommend} its own description.)
 */
final class SeedOption {
  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;
}
