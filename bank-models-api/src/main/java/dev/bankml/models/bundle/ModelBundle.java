package dev.bankml.models.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.BankmlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A trained model as one {@code .bankml} file: a zip holding {@code manifest.json}, named binary
 * parts (the backend payload {@code model.bin}, the fitted pipeline {@code pipeline.json}, …) and
 * {@code checksums.json}, which records the format version and the SHA-256 of every other entry.
 * Written atomically (temporary file, then move). Reading refuses, with a {@link BankmlException},
 * any file that is not a complete, untouched bundle of a supported format version.
 */
public record ModelBundle(BundleManifest manifest, Map<String, byte[]> parts) {
  /** The bundle format this version of bankml writes and reads. */
  public static final int FORMAT_VERSION = 1;
  /** Name of the backend payload part. */
  public static final String MODEL_PART = "model.bin";
  /** Name of the fitted feature pipeline part. */
  public static final String PIPELINE_PART = "pipeline.json";

  static final String MANIFEST = "manifest.json";
  static final String CHECKSUMS = "checksums.json";
  private static final long MAX_ENTRY_BYTES = 1L << 30;
  private static final int MAX_ENTRIES = 64;
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelBundle {
    Map<String, byte[]> copy = new TreeMap<>();
    for (var e : parts.entrySet()) {
      String name = e.getKey();
      if (name.equals(MANIFEST) || name.equals(CHECKSUMS) || name.isBlank() || name.contains("/")) {
        throw new IllegalArgumentException("reserved or invalid part name '" + name + "'");
      }
      copy.put(name, e.getValue().clone());
    }
    parts = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The bytes of part {@code name}.
   *
   * @throws BankmlException if the bundle has no such part
   */
  public byte[] part(String name) {
    byte[] b = parts.get(name);
    if (b == null) {
      throw new BankmlException("model bundle has no part '" + name + "'; it has " + parts.keySet());
    }
    return b.clone();
  }

  /** The version of bankml this code belongs to. */
  public static String bankmlVersion() {
    try (InputStream in = ModelBundle.class.getResourceAsStream("bankml-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.contains("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through: the version is informative only
    }
    return "development";
  }

  /** Writes this bundle to {@code path} atomically: readers see the old file or the complete new one. */
  public void write(Path path) {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(toBytes(FORMAT_VERSION));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new BankmlException("cannot write model bundle " + path + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort clean-up of our own temporary file
        }
      }
    }
  }

  /** The zip bytes, with {@code formatVersion} written into manifest and checksums (tests write other versions). */
  byte[] toBytes(int formatVersion) {
    try {
      ObjectNode manifestJson = JSON.valueToTree(manifest);
      manifestJson.put("format_version", formatVersion);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put(MANIFEST, JSON.writeValueAsBytes(manifestJson));
      entries.putAll(parts);
      Map<String, String> sums = new TreeMap<>();
      for (var e : entries.entrySet()) {
        sums.put(e.getKey(), sha256(e.getValue()));
      }
      ObjectNode checksums = JSON.createObjectNode();
      checksums.put("format_version", formatVersion);
      checksums.put("algorithm", "SHA-256");
      checksums.set("entries", JSON.valueToTree(sums));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        putEntry(zip, CHECKSUMS, JSON.writeValueAsBytes(checksums));
        for (var e : entries.entrySet()) {
          putEntry(zip, e.getKey(), e.getValue());
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise model bundle", e);
    }
  }

  private static void putEntry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(0L); // identical models give identical files
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Reads and verifies the bundle at {@code path}.
   *
   * @throws BankmlException if the file is missing, not a bundle, truncated, altered (checksum
   *     mismatch), or of an unsupported format version
   */
  public static ModelBundle read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new BankmlException("model bundle " + path + " does not exist");
    }
    Map<String, byte[]> entries;
    // ZipFile needs the central directory at the end of the file, so a truncated file is refused
    try (ZipFile zip = new ZipFile(path.toFile())) {
      entries = readEntries(zip, path);
    } catch (ZipException e) {
      throw new BankmlException("model bundle " + path + " is not a bankml model bundle, or is truncated or corrupt ("
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BankmlException("model bundle " + path + " cannot be read or is corrupt (" + e.getMessage()
          + "); write it again with 'bankml train'", e);
    }
    return verify(entries, path);
  }

  private static Map<String, byte[]> readEntries(ZipFile zip, Path path) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (zip.size() > MAX_ENTRIES) {
      throw new BankmlException("model bundle " + path + " has " + zip.size() + " entries; it is not a bankml bundle");
    }
    var it = zip.entries();
    while (it.hasMoreElements()) {
      ZipEntry e = it.nextElement();
      if (entries.containsKey(e.getName())) {
        throw new BankmlException("model bundle " + path + " holds entry '" + e.getName() + "' twice; refusing it");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = zip.getInputStream(e)) {
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          total += n;
          if (total > MAX_ENTRY_BYTES) {
            throw new BankmlException("model bundle " + path + ": entry '" + e.getName() + "' is larger than 1 GiB; refusing it");
          }
          out.write(buf, 0, n);
        }
      }
      entries.put(e.getName(), out.toByteArray());
    }
    if (entries.isEmpty()) {
      throw new BankmlException("model bundle " + path + " is not a bankml model bundle (an empty zip)");
    }
    return entries;
  }

  private static ModelBundle verify(Map<String, byte[]> entries, Path path) {
    byte[] checksumBytes = entries.get(CHECKSUMS);
    if (checksumBytes == null) {
      throw new BankmlException("model bundle " + path + " has no " + CHECKSUMS + "; it is not a bankml model bundle");
    }
    JsonNode checksums;
    try {
      checksums = JSON.readTree(checksumBytes);
    } catch (IOException e) {
      throw new BankmlException("model bundle " + path + ": " + CHECKSUMS + " is unreadable; the file is corrupt", e);
    }
    int version = checksums == null ? -1 : checksums.path("format_version").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new BankmlException("model bundle " + path + " has format version " + version
          + ", but this bankml (" + bankmlVersion() + ") reads only format version " + FORMAT_VERSION
          + "; retrain the model with this version or use the bankml that wrote it");
    }
    JsonNode sums = checksums.path("entries");
    if (!sums.isObject() || !sums.has(MANIFEST)) {
      throw new BankmlException("model bundle " + path + ": " + CHECKSUMS + " lists no manifest; the file is corrupt");
    }
    for (String name : entries.keySet()) {
      if (!name.equals(CHECKSUMS) && !sums.has(name)) {
        throw new BankmlException("model bundle " + path + " holds entry '" + name + "' that has no checksum; refusing it");
      }
    }
    var names = sums.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      byte[] data = entries.get(name);
      if (data == null) {
        throw new BankmlException("model bundle " + path + " is missing entry '" + name + "'; the file is truncated or altered");
      }
      if (!sha256(data).equals(sums.get(name).asText())) {
        throw new BankmlException("model bundle " + path + ": checksum of '" + name
            + "' does not match; the file was altered or damaged after it was written");
      }
    }
    BundleManifest manifest;
    try {
      manifest = JSON.readValue(entries.get(MANIFEST), BundleManifest.class);
    } catch (IOException e) {
      throw new BankmlException("model bundle " + path + ": manifest.json is not a valid manifest (" + e.getMessage() + ")", e);
    }
    if (manifest.formatVersion() != FORMAT_VERSION) {
      throw new BankmlException("model bundle " + path + ": manifest says format version " + manifest.formatVersion()
          + " but this bankml reads only " + FORMAT_VERSION);
    }
    Map<String, byte[]> parts = new TreeMap<>(entries);
    parts.remove(MANIFEST);
    parts.remove(CHECKSUMS);
    return new ModelBundle(manifest, parts);
  }

  /** The manifest as pretty-printed JSON (what {@code manifest.json} holds). */
  public String manifestJson() {
    try {
      return JSON.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hex SHA-256 of {@code data}. */
  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** UTF-8 bytes of {@code text}, for text parts such as the pipeline JSON. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
