package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A bundle without a signature this installation can verify — written unsigned, written by an
 * older bankml (format 1, which had checksums but no signatures), or signed by a key that is not
 * trusted here — loaded without the explicit opt-in {@link LoadOptions#trustingUnsigned()}. Load
 * such a bundle only if you trust where it came from.
 */
public final class UntrustedBundleException extends BundleTrustException {
  private static final long serialVersionUID = 1L;

  UntrustedBundleException(Path file, String problem) {
    super(file, "", problem);
  }
}
