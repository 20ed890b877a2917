package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A bundle larger than the {@link BundleLimits} allow: the file, an entry (declared or actually
 * inflated), all entries together, the number of entries, or an entry's compression ratio (a zip
 * bomb). Raised before the excess is read into memory.
 */
public final class BundleLimitException extends BundleException {
  private static final long serialVersionUID = 1L;

  BundleLimitException(Path file, String entry, String problem) {
    super(file, entry, problem, null);
  }
}
