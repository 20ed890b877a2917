package dev.bankml.cli;

import dev.bankml.models.loan.LoanDefaultModel;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --trust-unsigned}: the one loan model bundle that {@code predict} and {@code validate} score with. */
final class LoanModelFile {
  @Option(names = "--model", required = true, paramLabel = "FILE.bankml", description = "The model bundle.")
  Path file;

  @Mixin TrustOption trust;

  /** The model in the bundle, refused unless its signature verifies or {@code --trust-unsigned} was given. */
  LoanDefaultModel load() {
    return LoanDefaultModel.load(file, trust.loadOptions());
  }
}
