package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A bundle whose integrity or origin cannot be established: {@link TamperedBundleException} (it
 * was changed after it was written) or {@link UntrustedBundleException} (no signature this
 * installation can verify).
 */
public abstract sealed class BundleTrustException extends BundleException
    permits TamperedBundleException, UntrustedBundleException {
  private static final long serialVersionUID = 1L;

  BundleTrustException(Path file, String entry, String problem) {
    super(file, entry, problem, null);
  }
}
