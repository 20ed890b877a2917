package dev.bankml.data.bundle;

import dev.bankml.data.BankmlException;

/**
 * How much a bundle may make bankml read: checked before an entry is inflated (from the sizes the
 * zip declares) and again while it is inflated (the bytes actually produced), so a small file that
 * inflates to gigabytes is refused before it fills memory.
 *
 * @param maxFileBytes largest bundle file
 * @param maxEntries most entries in one bundle
 * @param maxEntryBytes largest uncompressed entry
 * @param maxTotalBytes largest sum of uncompressed entries
 * @param maxCompressionRatio largest ratio of an entry's uncompressed to compressed size; entries
 *     under 64 KiB uncompressed are exempt (tiny JSON compresses well)
 */
public record BundleLimits(long maxFileBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
    int maxCompressionRatio) {
  /** Uncompressed entries up to this size are never refused for their compression ratio. */
  static final long RATIO_EXEMPT_BYTES = 64 * 1024;

  /**
   * 512 MiB file, 64 entries, 512 MiB per entry and 1 GiB in all uncompressed, ratio 200 (deflate
   * cannot exceed about 1,030; bankml's own entries stay under 20).
   */
  public static final BundleLimits DEFAULT = new BundleLimits(512L << 20, 64, 512L << 20, 1L << 30, 200);

  public BundleLimits {
    if (maxFileBytes < 1 || maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxCompressionRatio < 1) {
      throw new BankmlException("bundle limits must all be at least 1, got " + maxFileBytes + ", " + maxEntries + ", "
          + maxEntryBytes + ", " + maxTotalBytes + ", " + maxCompressionRatio);
    }
    if (maxEntryBytes > Integer.MAX_VALUE - 16) {
      throw new BankmlException("the largest entry a bundle can hold is " + (Integer.MAX_VALUE - 16)
          + " bytes, got a limit of " + maxEntryBytes);
    }
  }
}
