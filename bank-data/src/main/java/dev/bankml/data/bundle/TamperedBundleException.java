package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A bundle changed after it was written: an entry that does not match its digest, an entry added
 * or removed, or a signature that does not verify (the case of an entry edited and its digest
 * recomputed). Refused whatever the load options say.
 */
public final class TamperedBundleException extends BundleTrustException {
  private static final long serialVersionUID = 1L;

  TamperedBundleException(Path file, String entry, String problem) {
    super(file, entry, problem);
  }
}
