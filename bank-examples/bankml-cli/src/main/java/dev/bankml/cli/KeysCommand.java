package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.io.AtomicFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml keys}: the keys that sign and verify bundles. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = {
      "Shows the key that signs the bundles you save and the public keys whose bundles you trust; exports your"
          + " public key for others to trust, or makes a new signing key (for rotation). See docs/bundles.md.",
      "The signing key comes from BANKML_SIGNING_KEY, BANKML_SIGNING_KEY_FILE or the key file in the configuration"
          + " folder (created on first use); trusted public keys are the .pub files in its trusted-keys folder and in"
          + " BANKML_TRUSTED_KEYS."
    })
final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Action action;

  static final class Action {
    @Option(names = "--export-public", paramLabel = "FILE.pub",
        description = "Write the public half of your signing key (creating the key if there is none yet), for others"
            + " to put in their trusted keys; '-' prints it.")
    String exportPublic;

    @Option(names = "--new", paramLabel = "FILE",
        description = "Write a new signing key to FILE (mode 0600; never replaces a file) and print its key id.")
    Path newKey;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (action != null && action.newKey != null) {
      String id = BundleKeys.createSigningKeyFile(action.newKey);
      out.printf("wrote signing key %s to %s; keep it secret, export its public key with%n"
          + "  BANKML_SIGNING_KEY_FILE=%s bankml keys --export-public %s.pub%n", id, action.newKey, action.newKey, id);
      out.flush();
      return 0;
    }
    BundleKeys keys = BundleKeys.defaults();
    if (action != null && action.exportPublic != null) {
      String text = keys.publicKeyText();
      if (action.exportPublic.equals("-")) {
        out.print(text);
      } else {
        Path file = Path.of(action.exportPublic);
        if (!file.getFileName().toString().endsWith(".pub")) {
          throw new BankmlException("--export-public " + file + ": name the file *.pub, the name verifiers look for");
        }
        AtomicFile.writeString(file, text);
        out.printf("wrote public key %s to %s%n", keys.signingKeyId().orElse("?"), file);
      }
      out.flush();
      return 0;
    }
    out.printf("signing key: %s (%s)%n", keys.signingKeyId().orElse("none yet, created on the first save"),
        keys.signingKeySource());
    out.printf("trusted keys: %s%n", keys.trustedKeyIds().isEmpty() ? "none" : String.join(", ", keys.trustedKeyIds()));
    out.flush();
    return 0;
  }
}
