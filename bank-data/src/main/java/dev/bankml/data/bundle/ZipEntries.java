package dev.bankml.data.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every entry of a bundle zip into memory within {@link BundleLimits}: names checked first,
 * sizes checked from what the zip declares before anything is inflated, then each entry inflated
 * as a stream into a buffer of exactly its declared size, refused the moment it produces more.
 * Nothing beyond the limits is ever held in memory.
 */
final class ZipEntries {
  private ZipEntries() {}

  static Map<String, byte[]> read(Path file, BundleLimits limits) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > limits.maxEntries()) {
        throw new BundleLimitException(file, "", "it has " + zip.size() + " entries; at most " + limits.maxEntries()
            + " are allowed");
      }
      Map<String, ZipEntry> entries = new LinkedHashMap<>();
      long declaredTotal = 0;
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        String name = e.getName();
        String problem = Names.problem(name);
        if (!problem.isEmpty()) {
          throw new BundleFormatException(file, name, problem);
        }
        if (entries.containsKey(name)) {
          throw new BundleFormatException(file, name, "the entry appears more than once");
        }
        declaredTotal += checkDeclared(file, e, limits);
        if (declaredTotal > limits.maxTotalBytes()) {
          throw new BundleLimitException(file, name, "the entries declare more than " + limits.maxTotalBytes()
              + " bytes uncompressed in all, the limit");
        }
        entries.put(name, e);
      }
      if (entries.isEmpty()) {
        throw new BundleFormatException(file, "", "it is an empty zip, not a bankml bundle");
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (ZipEntry e : entries.values()) {
        out.put(e.getName(), inflate(file, zip, e));
      }
      return out;
    } catch (ZipException e) {
      throw new BundleFormatException(file, "", "it is not a bankml bundle, or it is truncated or corrupt ("
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BundleFormatException(file, "", "it cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The entry's declared uncompressed size, refused if over a limit or implausibly compressed. */
  private static long checkDeclared(Path file, ZipEntry e, BundleLimits limits) {
    long size = e.getSize();
    long compressed = e.getCompressedSize();
    if (size < 0 || compressed < 0) {
      throw new BundleFormatException(file, e.getName(), "the entry does not declare its size");
    }
    if (size > limits.maxEntryBytes()) {
      throw new BundleLimitException(file, e.getName(), "the entry declares " + size
          + " bytes uncompressed; the limit is " + limits.maxEntryBytes());
    }
    if (size > ratioAllowance(compressed, limits)) {
      throw new BundleLimitException(file, e.getName(), "the entry would inflate " + compressed + " bytes to " + size
          + " (ratio " + (compressed == 0 ? "unbounded" : size / compressed) + "; the limit is "
          + limits.maxCompressionRatio() + "), like a zip bomb");
    }
    return size;
  }

  private static long ratioAllowance(long compressed, BundleLimits limits) {
    if (compressed > Long.MAX_VALUE / limits.maxCompressionRatio()) {
      return Long.MAX_VALUE;
    }
    return Math.max(BundleLimits.RATIO_EXEMPT_BYTES, compressed * limits.maxCompressionRatio());
  }

  /**
   * The entry's bytes, into a buffer of its declared size; an entry that inflates to more than it
   * declared (a lying header) is refused at the first extra byte, one that inflates to less is
   * truncated.
   */
  private static byte[] inflate(Path file, ZipFile zip, ZipEntry e) throws IOException {
    byte[] data = new byte[(int) e.getSize()];
    try (InputStream in = zip.getInputStream(e)) {
      int off = 0;
      while (off < data.length) {
        int n = in.read(data, off, data.length - off);
        if (n < 0) {
          throw new BundleFormatException(file, e.getName(), "the entry holds " + off + " bytes but declares "
              + data.length + "; the file is truncated or corrupt");
        }
        off += n;
      }
      if (in.read() >= 0) {
        throw new BundleLimitException(file, e.getName(), "the entry inflates to more than the " + data.length
            + " bytes it declares; refused before reading further");
      }
    } catch (ZipException ex) {
      throw new BundleFormatException(file, e.getName(), "the entry is corrupt (" + ex.getMessage() + ")", ex);
    }
    return data;
  }

  /** True when {@code file} starts with {@code magic}. */
  static boolean startsWith(Path file, byte[] magic) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return java.util.Arrays.equals(in.readNBytes(magic.length), magic);
    }
  }
}
