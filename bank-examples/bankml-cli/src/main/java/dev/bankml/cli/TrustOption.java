package dev.bankml.cli;

import dev.bankml.data.bundle.LoadOptions;
import picocli.CommandLine.Option;

/** {@code --trust-unsigned}, shared by every command that loads a bundle. */
final class TrustOption {
  /** The hint printed under a refusal of an unsigned or untrusted bundle. */
  static final String HINT = "if you trust where this file came from, pass --trust-unsigned to load it anyway"
      + " (see docs/bundles.md)";

  @Option(names = "--trust-unsigned",
      description = "Load a bundle whose signature cannot be verified here (unsigned, written by bankml before"
          + " signing existed, or signed by a key not in your trusted keys), with a warning. A bundle changed after"
          + " it was signed is refused either way. Only for files from a source you trust.")
  boolean trustUnsigned;

  /** Bundle load options: the default keys and limits, and the opt-in if given. */
  LoadOptions loadOptions() {
    return LoadOptions.defaults().trustUnsigned(trustUnsigned);
  }
}
