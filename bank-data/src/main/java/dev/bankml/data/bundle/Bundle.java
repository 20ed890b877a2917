package dev.bankml.data.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one file format of everything bankml saves — loan models, segmentations, recommenders: a
 * {@code .bankml} zip holding
 *
 * <ul>
 *   <li>{@code manifest.json}: {@code format_version}, {@code kind}, {@code provenance} (see
 *       {@link Provenance}) and the kind's typed settings;
 *   <li>named parts: the backend's payload, the fitted pipeline, …;
 *   <li>{@code signature.json}: the SHA-256 of every other entry and an Ed25519 signature over
 *       them by the key that saved it ({@link BundleKeys}).
 * </ul>
 *
 * Loading reads the zip within {@link BundleLimits}, refuses forbidden or duplicated entry names,
 * checks every digest, the signature against the trusted keys, the format version and the kind,
 * and only then hands the entries to the kind's code. A bundle with no verifiable signature (and
 * the checksummed but unsigned files of format 1, written by bankml before signing existed) loads
 * only with {@link LoadOptions#trustingUnsigned()}, with a warning. Every refusal is a
 * {@link BundleException} naming the file, the entry and what is wrong.
 *
 * <p>Immutable.
 */
public final class Bundle {
  private static final Logger LOG = LoggerFactory.getLogger(Bundle.class);

  /** The format this bankml writes. */
  public static final int FORMAT_VERSION = 2;
  /** The checksummed, unsigned format of bankml before signing; read with the opt-in only. */
  public static final int LEGACY_FORMAT_VERSION = 1;
  /** The manifest entry. */
  public static final String MANIFEST = "manifest.json";
  /** The digests-and-signature entry. */
  public static final String SIGNATURE = "signature.json";
  /** The single part of a legacy recommender file: its payload after the old header. */
  public static final String LEGACY_RECOMMENDER_PART = "recommender.bin";

  static final String SIGNATURE_FORMAT = "bankml-bundle-signature-1";
  private static final String LEGACY_CHECKSUMS = "checksums.json";
  private static final String LEGACY_SUMS = "SHA256SUMS";
  private static final byte[] LEGACY_RECOMMENDER_MAGIC = "BANKMLRC".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private final Optional<Path> file;
  private final BundleKind kind;
  private final int formatVersion;
  private final byte[] manifest;
  private final Map<String, byte[]> parts;
  private final Optional<String> signedBy;

  private Bundle(Optional<Path> file, BundleKind kind, int formatVersion, byte[] manifest, Map<String, byte[]> parts,
      Optional<String> signedBy) {
    this.file = file;
    this.kind = kind;
    this.formatVersion = formatVersion;
    this.manifest = manifest;
    Map<String, byte[]> copy = new TreeMap<>();
    parts.forEach((k, v) -> copy.put(k, v.clone()));
    this.parts = Collections.unmodifiableMap(copy);
    this.signedBy = signedBy;
  }

  // ---- making and writing ----------------------------------------------------------------------

  /**
   * A new bundle of {@code kind}: the manifest is {@code format_version}, {@code kind},
   * {@code provenance} and the fields of {@code settings} (a record, written as snake_case JSON);
   * {@code parts} are the other entries, by name.
   *
   * @throws IllegalArgumentException if a part name is not a plain file name or is reserved
   */
  public static Bundle of(BundleKind kind, Provenance provenance, Object settings, Map<String, byte[]> parts) {
    for (String name : parts.keySet()) {
      if (!Names.problem(name).isEmpty() || name.equals(MANIFEST) || name.equals(SIGNATURE)) {
        throw new IllegalArgumentException("part name '" + Names.shown(name) + "' is reserved or not a plain file name");
      }
    }
    ObjectNode m = BundleJson.MAPPER.createObjectNode();
    m.put("format_version", FORMAT_VERSION);
    m.put("kind", kind.key());
    m.set("provenance", BundleJson.MAPPER.valueToTree(provenance));
    JsonNode fields = BundleJson.MAPPER.valueToTree(settings);
    if (!fields.isObject()) {
      throw new IllegalArgumentException("settings must serialise to a JSON object, got " + fields.getNodeType());
    }
    fields.fields().forEachRemaining(f -> {
      if (m.has(f.getKey())) {
        throw new IllegalArgumentException("settings field '" + f.getKey() + "' is reserved");
      }
      m.set(f.getKey(), f.getValue());
    });
    return new Bundle(Optional.empty(), kind, FORMAT_VERSION, json(m), parts, Optional.empty());
  }

  /** {@code value} as bundle JSON (snake_case, sorted keys, indented), e.g. for a JSON part. */
  public static byte[] json(Object value) {
    try {
      return BundleJson.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write bundle JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes this bundle to {@code path} atomically ({@link AtomicFile}), signed with the signing key
   * of {@code keys} (unsigned when it has none).
   *
   * @throws BundleException naming the file if it cannot be written
   */
  public void write(Path path, BundleKeys keys) {
    AtomicFile.write(path, toBytes(keys));
  }

  /** The zip: manifest, parts in name order, then the signature over their digests. */
  byte[] toBytes(BundleKeys keys) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(MANIFEST, manifest);
    entries.putAll(parts);
    Map<String, String> digests = new TreeMap<>();
    entries.forEach((name, data) -> digests.put(name, sha256Hex(data)));
    Optional<KeyFile.SigningKey> key = keys.signingKey();
    String keyId = key.map(KeyFile.SigningKey::keyId).orElse("");
    String signature = key.map(k -> Base64.getEncoder().encodeToString(k.sign(signedMessage(keyId, digests)))).orElse("");
    SignatureFile sig = new SignatureFile(SIGNATURE_FORMAT, key.isPresent() ? KeyFile.ALGORITHM : "none", keyId, digests,
        signature);
    entries.put(SIGNATURE, json(sig));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0L); // identical models give identical files
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot build a zip in memory", e);
    }
    return bytes.toByteArray();
  }

  /** What the signature covers: the signing key's id and every entry's digest, in name order. */
  static byte[] signedMessage(String keyId, Map<String, String> digests) {
    StringBuilder s = new StringBuilder(SIGNATURE_FORMAT).append('\n').append(keyId).append('\n');
    new TreeMap<>(digests).forEach((name, digest) -> s.append(name).append(' ').append(digest).append('\n'));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code signature.json} entry. */
  record SignatureFile(String format, String algorithm, String keyId, Map<String, String> digests, String signature) {
    SignatureFile {
      if (format == null || algorithm == null || keyId == null || digests == null || signature == null
          || digests.containsValue(null)) {
        throw new IllegalArgumentException("format, algorithm, key_id, digests and signature must all be present");
      }
      digests = Collections.unmodifiableMap(new TreeMap<>(digests));
    }
  }

  // ---- reading ---------------------------------------------------------------------------------

  /**
   * Reads and verifies the bundle of {@code kind} at {@code path}, as the class description says.
   *
   * @throws BundleException (a {@link BundleFormatException}, {@link BundleLimitException} or
   *     {@link BundleTrustException}) naming the file, the entry and what is wrong
   */
  public static Bundle read(Path path, BundleKind kind, LoadOptions options) {
    checkFile(path, options.limits());
    boolean legacyRecommender;
    try {
      legacyRecommender = ZipEntries.startsWith(path, LEGACY_RECOMMENDER_MAGIC);
      if (!legacyRecommender && !ZipEntries.startsWith(path, ZIP_MAGIC)) {
        throw new BundleFormatException(path, "", "it is not a bankml bundle (not a zip file)");
      }
    } catch (IOException e) {
      throw new BundleFormatException(path, "", "it cannot be read (" + e.getMessage() + ")", e);
    }
    if (legacyRecommender) {
      return legacyRecommender(path, kind, options);
    }
    Map<String, byte[]> entries = ZipEntries.read(path, options.limits());
    if (entries.containsKey(SIGNATURE)) {
      return verified(path, kind, entries, options);
    }
    if (entries.containsKey(LEGACY_CHECKSUMS)) {
      return legacyZip(path, kind, BundleKind.LOAN_MODEL, LegacyChecksums.checksumsJson(path, entries), entries, options);
    }
    if (entries.containsKey(LEGACY_SUMS)) {
      return legacyZip(path, kind, BundleKind.SEGMENTATION, LegacyChecksums.sha256Sums(path, entries), entries, options);
    }
    throw new BundleFormatException(path, "", "it is not a bankml bundle: it has no " + SIGNATURE + " (entries: "
        + BundleJson.cut(String.join(", ", entries.keySet()), 200) + ")");
  }

  private static void checkFile(Path path, BundleLimits limits) {
    if (Files.isDirectory(path)) {
      throw new BundleFormatException(path, "", "it is a directory, not a bundle file");
    }
    if (!Files.exists(path)) {
      throw new BundleFormatException(path, "", "no such file");
    }
    if (!Files.isRegularFile(path)) {
      throw new BundleFormatException(path, "", "it is not a regular file");
    }
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        throw new BundleLimitException(path, "", "the file is " + size + " bytes; the limit is " + limits.maxFileBytes());
      }
    } catch (IOException e) {
      throw new BundleFormatException(path, "", "it cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static Bundle verified(Path path, BundleKind kind, Map<String, byte[]> entries, LoadOptions options) {
    SignatureFile sig = parse(path, SIGNATURE, entries.get(SIGNATURE), SignatureFile.class);
    if (!SIGNATURE_FORMAT.equals(sig.format())) {
      throw new BundleFormatException(path, SIGNATURE, "format '" + Names.shown(String.valueOf(sig.format()))
          + "' is not " + SIGNATURE_FORMAT + "; the bundle was written by another version of bankml");
    }
    checkDigests(path, entries, sig.digests());
    byte[] manifest = entries.get(MANIFEST);
    if (manifest == null) {
      throw new BundleFormatException(path, MANIFEST, "the bundle has no manifest");
    }
    JsonNode m = parse(path, MANIFEST, manifest, JsonNode.class);
    int version = m.path("format_version").isInt() ? m.path("format_version").intValue() : -1;
    if (version != FORMAT_VERSION) {
      throw new BundleFormatException(path, MANIFEST, "format version " + (version < 0 ? "missing" : version)
          + "; this bankml reads format " + FORMAT_VERSION + " (and format " + LEGACY_FORMAT_VERSION
          + " of older bankml); save the model again with this bankml or load it with the bankml that wrote it");
    }
    checkKind(path, kind, m.path("kind").asText(""));
    Optional<String> signedBy = checkSignature(path, sig, options);
    Map<String, byte[]> parts = new TreeMap<>(entries);
    parts.remove(MANIFEST);
    parts.remove(SIGNATURE);
    return new Bundle(Optional.of(path), kind, FORMAT_VERSION, manifest, parts, signedBy);
  }

  private static void checkDigests(Path path, Map<String, byte[]> entries, Map<String, String> digests) {
    for (String name : entries.keySet()) {
      if (!name.equals(SIGNATURE) && !digests.containsKey(name)) {
        throw new TamperedBundleException(path, name, "the entry is not covered by the signature; it was added after "
            + "the bundle was written");
      }
    }
    for (var d : digests.entrySet()) {
      byte[] data = entries.get(d.getKey());
      if (data == null) {
        throw new TamperedBundleException(path, d.getKey(), "the entry is missing; it was removed after the bundle "
            + "was written, or the file is truncated");
      }
      if (!MessageDigest.isEqual(sha256Hex(data).getBytes(StandardCharsets.US_ASCII),
          String.valueOf(d.getValue()).getBytes(StandardCharsets.US_ASCII))) {
        throw new TamperedBundleException(path, d.getKey(), "the entry does not match its SHA-256 digest; it was "
            + "changed after the bundle was written");
      }
    }
  }

  private static void checkKind(Path path, BundleKind expected, String actual) {
    if (!expected.key().equals(actual)) {
      throw new BundleFormatException(path, MANIFEST, BundleKind.parse(actual)
          .map(k -> "it is a " + k.key() + " bundle, not a " + expected.key() + " bundle")
          .orElse("kind '" + Names.shown(actual) + "' is not one of loan-model, segmentation, recommender"));
    }
  }

  /** The id of the trusted key that signed the bundle; empty (with a warning) for an unverifiable one the caller trusts. */
  private static Optional<String> checkSignature(Path path, SignatureFile sig, LoadOptions options) {
    if ("none".equals(sig.algorithm())) {
      untrusted(path, "it is not signed", options);
      return Optional.empty();
    }
    if (!KeyFile.ALGORITHM.equals(sig.algorithm())) {
      throw new BundleFormatException(path, SIGNATURE, "signature algorithm '" + Names.shown(String.valueOf(sig.algorithm()))
          + "' is not " + KeyFile.ALGORITHM);
    }
    String keyId = String.valueOf(sig.keyId());
    Optional<PublicKey> key = options.keys().trusted(keyId);
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(String.valueOf(sig.signature()));
    } catch (IllegalArgumentException e) {
      throw new TamperedBundleException(path, SIGNATURE, "the signature is not base64");
    }
    if (key.isEmpty()) {
      untrusted(path, "it is signed by key " + Names.shown(keyId) + ", which is not trusted here (trusted: "
          + (options.keys().trustedKeyIds().isEmpty() ? "none" : String.join(", ", options.keys().trustedKeyIds())) + ")",
          options);
      return Optional.empty();
    }
    if (!KeyFile.verify(key.get(), signedMessage(keyId, sig.digests()), signature)) {
      throw new TamperedBundleException(path, SIGNATURE, "the signature by key " + keyId + " does not verify; the "
          + "bundle was changed after it was signed");
    }
    return Optional.of(keyId);
  }

  private static void untrusted(Path path, String why, LoadOptions options) {
    if (!options.trustUnsigned()) {
      throw new UntrustedBundleException(path, why + "; a bundle whose signature cannot be verified loads only when "
          + "the caller explicitly trusts unsigned bundles, which is safe only if you trust where the file came from");
    }
    LOG.warn("loading bundle {} although {}: its origin and integrity are not verified", path, why);
  }

  private static Bundle legacyZip(Path path, BundleKind kind, BundleKind layoutKind, Set<String> covered,
      Map<String, byte[]> entries, LoadOptions options) {
    if (kind != layoutKind) {
      throw new BundleFormatException(path, "", "it is a " + layoutKind.key() + " bundle of an older bankml, not a "
          + kind.key() + " bundle");
    }
    untrusted(path, "it was written by an older bankml (format " + LEGACY_FORMAT_VERSION + ") and is not signed", options);
    byte[] manifest = entries.get(MANIFEST);
    if (manifest == null || !covered.contains(MANIFEST)) {
      throw new BundleFormatException(path, MANIFEST, "the bundle has no checksummed manifest");
    }
    Map<String, byte[]> parts = new TreeMap<>();
    for (String name : covered) {
      if (!name.equals(MANIFEST)) {
        parts.put(name, entries.get(name));
      }
    }
    return new Bundle(Optional.of(path), kind, LEGACY_FORMAT_VERSION, manifest, parts, Optional.empty());
  }

  /** "BANKMLRC", version 1 (int), payload length (long), payload, SHA-256 of the payload. */
  private static Bundle legacyRecommender(Path path, BundleKind kind, LoadOptions options) {
    if (kind != BundleKind.RECOMMENDER) {
      throw new BundleFormatException(path, "", "it is a recommender file of an older bankml, not a " + kind.key()
          + " bundle");
    }
    byte[] all;
    try (InputStream in = Files.newInputStream(path)) {
      all = in.readNBytes((int) Math.min(options.limits().maxEntryBytes() + 52, Integer.MAX_VALUE - 16));
      if (in.read() >= 0) {
        throw new BundleLimitException(path, "", "the recommender file is larger than the per-entry limit of "
            + options.limits().maxEntryBytes() + " bytes");
      }
    } catch (IOException e) {
      throw new BundleFormatException(path, "", "it cannot be read (" + e.getMessage() + ")", e);
    }
    int head = LEGACY_RECOMMENDER_MAGIC.length + 12;
    if (all.length < head + 32) {
      throw new BundleFormatException(path, "", "the recommender file is truncated");
    }
    ByteBuffer b = ByteBuffer.wrap(all, LEGACY_RECOMMENDER_MAGIC.length, 12);
    int version = b.getInt();
    long length = b.getLong();
    if (version != LEGACY_FORMAT_VERSION) {
      throw new BundleFormatException(path, "", "the recommender file has format version " + version
          + "; this bankml reads version " + LEGACY_FORMAT_VERSION + " of that layout");
    }
    if (length != all.length - head - 32L) {
      throw new BundleFormatException(path, "", "the recommender file is truncated or has extra bytes (payload length "
          + length + ", file size " + all.length + ")");
    }
    byte[] payload = Arrays.copyOfRange(all, head, head + (int) length);
    byte[] stored = Arrays.copyOfRange(all, head + (int) length, all.length);
    if (!MessageDigest.isEqual(stored, sha256(payload))) {
      throw new TamperedBundleException(path, "", "the recommender payload does not match its SHA-256 checksum; it was "
          + "changed or damaged after it was written");
    }
    untrusted(path, "it was written by an older bankml (format " + LEGACY_FORMAT_VERSION + ") and is not signed", options);
    return new Bundle(Optional.of(path), kind, LEGACY_FORMAT_VERSION, new byte[0],
        Map.of(LEGACY_RECOMMENDER_PART, payload), Optional.empty());
  }

  // ---- what a kind's code reads ------------------------------------------------------------------

  /** What this bundle holds. */
  public BundleKind kind() {
    return kind;
  }

  /** {@link #FORMAT_VERSION}, or {@link #LEGACY_FORMAT_VERSION} for a file of an older bankml. */
  public int formatVersion() {
    return formatVersion;
  }

  /** True for a file of an older bankml: its manifest has that version's own layout. */
  public boolean isLegacy() {
    return formatVersion == LEGACY_FORMAT_VERSION;
  }

  /** The id of the trusted key whose signature was verified; empty for a bundle loaded with the opt-in (or not read from a file). */
  public Optional<String> signedBy() {
    return signedBy;
  }

  /** The provenance in the manifest (format {@link #FORMAT_VERSION} only). */
  public Provenance provenance() {
    requireCurrent("provenance");
    JsonNode m = parse(MANIFEST, manifest, JsonNode.class);
    try {
      return BundleJson.MAPPER.treeToValue(m.path("provenance"), Provenance.class);
    } catch (JsonProcessingException e) {
      throw refused(MANIFEST, "provenance: " + BundleJson.describe(e));
    }
  }

  /**
   * The manifest as {@code type} (a record whose components are manifest fields in camelCase; other
   * fields are ignored, a missing one is an error).
   *
   * @throws BundleFormatException naming the file and field if the manifest does not fit
   */
  public <T> T manifest(Class<T> type) {
    return parse(MANIFEST, manifest, type);
  }

  /** The raw manifest bytes. */
  public byte[] manifestBytes() {
    return manifest.clone();
  }

  /** The names of the parts (entries other than the manifest and the signature). */
  public Set<String> partNames() {
    return Collections.unmodifiableSet(new TreeSet<>(parts.keySet()));
  }

  /** True when the bundle has part {@code name}. */
  public boolean hasPart(String name) {
    return parts.containsKey(name);
  }

  /**
   * The bytes of part {@code name}.
   *
   * @throws BundleFormatException naming the file if there is no such part
   */
  public byte[] part(String name) {
    byte[] b = parts.get(name);
    if (b == null) {
      throw refused(name, "the bundle has no such entry; it has " + partNames());
    }
    return b.clone();
  }

  /** JSON part {@code name} as {@code type}, with the bundle's JSON conventions. */
  public <T> T jsonPart(String name, Class<T> type) {
    return parse(name, part(name), type);
  }

  /**
   * A refusal of this bundle (its file, entry {@code entry}, {@code problem}), for a kind's code
   * that finds a manifest value out of range or a part it cannot use.
   */
  public BundleFormatException refused(String entry, String problem) {
    return new BundleFormatException(file.orElse(Path.of("(in memory)")), entry, problem);
  }

  private void requireCurrent(String what) {
    if (isLegacy()) {
      throw new IllegalStateException("a format " + LEGACY_FORMAT_VERSION + " bundle has no " + what
          + " section; read its manifest with its own layout");
    }
  }

  private <T> T parse(String entry, byte[] bytes, Class<T> type) {
    return parse(file.orElse(Path.of("(in memory)")), entry, bytes, type);
  }

  private static <T> T parse(Path path, String entry, byte[] bytes, Class<T> type) {
    try {
      T value = BundleJson.MAPPER.readValue(bytes, type);
      if (value == null) {
        throw new BundleFormatException(path, entry, "the entry is JSON null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BundleFormatException(path, entry, "it is not valid: " + BundleJson.describe(e), e);
    } catch (IOException e) {
      throw new BundleFormatException(path, entry, "it cannot be read: " + e.getMessage(), e);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** Hex SHA-256 of {@code data}. */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The version of bankml this code belongs to ({@code development} when run from a source tree without it). */
  public static String bankmlVersion() {
    try (InputStream in = Bundle.class.getResourceAsStream("bankml-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.contains("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // the version is informative only
    }
    return "development";
  }
}
