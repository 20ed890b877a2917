package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A file that is not a complete, well-formed bundle of the expected kind and a supported format
 * version: not a zip, truncated, an entry with a forbidden or duplicated name, a missing entry, a
 * manifest that does not parse, or a manifest value out of its valid range.
 */
public final class BundleFormatException extends BundleException {
  private static final long serialVersionUID = 1L;

  /** {@code file} (entry {@code entry}, empty for the whole file) is malformed: {@code problem}. */
  public BundleFormatException(Path file, String entry, String problem) {
    super(file, entry, problem, null);
  }

  /** As {@link #BundleFormatException(Path, String, String)}, caused by {@code cause}. */
  public BundleFormatException(Path file, String entry, String problem, Throwable cause) {
    super(file, entry, problem, cause);
  }
}
