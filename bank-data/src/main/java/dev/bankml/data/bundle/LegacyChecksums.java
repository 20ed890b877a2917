package dev.bankml.data.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The integrity checks of format 1, written by bankml before bundles were signed: loan models
 * carried {@code checksums.json} (format version and a SHA-256 per entry), segmentations
 * {@code SHA256SUMS} ({@code sha256sum} lines). Both are checked exactly as that bankml did; they
 * prove a file is undamaged, not who wrote it.
 */
final class LegacyChecksums {
  private LegacyChecksums() {}

  /** The entries {@code checksums.json} covers, each verified. */
  static Set<String> checksumsJson(Path path, Map<String, byte[]> entries) {
    String name = "checksums.json";
    JsonNode sums;
    try {
      sums = BundleJson.MAPPER.readTree(entries.get(name));
    } catch (IOException e) {
      throw new BundleFormatException(path, name, "it is not valid JSON; the file is corrupt", e);
    }
    int version = sums == null ? -1 : sums.path("format_version").asInt(-1);
    if (version != Bundle.LEGACY_FORMAT_VERSION) {
      throw new BundleFormatException(path, name, "format version " + version + "; this bankml reads format "
          + Bundle.FORMAT_VERSION + " and " + Bundle.LEGACY_FORMAT_VERSION);
    }
    JsonNode listed = sums.path("entries");
    if (!listed.isObject()) {
      throw new BundleFormatException(path, name, "it lists no entries; the file is corrupt");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    listed.fields().forEachRemaining(f -> expected.put(f.getKey(), f.getValue().asText()));
    return verify(path, name, entries, expected);
  }

  /** The entries {@code SHA256SUMS} covers, each verified. */
  static Set<String> sha256Sums(Path path, Map<String, byte[]> entries) {
    String name = "SHA256SUMS";
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : new String(entries.get(name), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+", 2);
      if (parts.length != 2) {
        throw new BundleFormatException(path, name, "malformed line '" + BundleJson.cut(line, 100) + "'");
      }
      expected.put(parts[1], parts[0].toLowerCase(java.util.Locale.ROOT));
    }
    return verify(path, name, entries, expected);
  }

  private static Set<String> verify(Path path, String sumsEntry, Map<String, byte[]> entries, Map<String, String> expected) {
    for (String entry : entries.keySet()) {
      if (!entry.equals(sumsEntry) && !expected.containsKey(entry)) {
        throw new TamperedBundleException(path, entry, "the entry has no checksum; it was added after the bundle was "
            + "written");
      }
    }
    for (var e : expected.entrySet()) {
      byte[] data = entries.get(e.getKey());
      if (data == null) {
        throw new TamperedBundleException(path, e.getKey(), "the entry is missing; the file is truncated or altered");
      }
      if (!MessageDigest.isEqual(Bundle.sha256Hex(data).getBytes(StandardCharsets.US_ASCII),
          e.getValue().getBytes(StandardCharsets.US_ASCII))) {
        throw new TamperedBundleException(path, e.getKey(), "the entry does not match its SHA-256 checksum; the file "
            + "was changed or damaged after it was written");
      }
    }
    return expected.keySet();
  }
}
