package dev.bankml.data.bundle;

import dev.bankml.data.BankmlException;
import dev.bankml.data.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that sign bundles at save and verify them at load (Ed25519). One signing key (the
 * private key of whoever trains) and any number of trusted public keys (of everyone whose bundles
 * this installation loads; the signing key's own public key is always trusted). A bundle names the
 * key that signed it by its key id, so several keys can be trusted at once while keys are rotated.
 *
 * <p>{@link #defaults()} finds them, first match wins for the signing key:
 *
 * <ol>
 *   <li>environment variable {@code BANKML_SIGNING_KEY}: the text of a signing key file (for CI
 *       secret stores);
 *   <li>environment variable {@code BANKML_SIGNING_KEY_FILE}: the path of a signing key file;
 *   <li>{@code signing.key} in the configuration folder ({@code $XDG_CONFIG_HOME/bankml}, else
 *       {@code ~/.config/bankml}), created (mode 0600) the first time something is signed.
 * </ol>
 *
 * Trusted public keys: every {@code *.pub} file in {@code trusted-keys/} of the configuration
 * folder and in the folders (or files) listed in {@code BANKML_TRUSTED_KEYS} (separated by the
 * platform's path separator). See {@code docs/bundles.md} for how a team handles them.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class BundleKeys {
  private static final Logger LOG = LoggerFactory.getLogger(BundleKeys.class);
  static final String SIGNING_FILE = "signing.key";
  static final String TRUSTED_DIR = "trusted-keys";

  private final KeyLookup signing;
  private final Map<String, PublicKey> trusted;

  private BundleKeys(KeyLookup signing, Map<String, PublicKey> trusted) {
    this.signing = signing;
    this.trusted = Collections.unmodifiableMap(new LinkedHashMap<>(trusted));
  }

  /** Where the signing key comes from; the default file is created on first use. */
  private interface KeyLookup {
    Optional<KeyFile.SigningKey> existing();

    KeyFile.SigningKey forSigning();

    /** Where the key comes from, for people: a file, an environment variable, memory. */
    String source();
  }

  /** The keys of this user and machine, as the class description says. */
  public static BundleKeys defaults() {
    return from(System.getenv(), System.getProperty("user.home"));
  }

  /** {@link #defaults()} with environment {@code env} and home folder {@code home} (for tests). */
  static BundleKeys from(Map<String, String> env, String home) {
    Path config = configDir(env, home);
    KeyLookup signing = signingLookup(env, config);
    Map<String, PublicKey> trusted = new LinkedHashMap<>();
    signing.existing().ifPresent(k -> trusted.put(k.keyId(), k.publicKey()));
    List<Path> sources = new ArrayList<>();
    sources.add(config.resolve(TRUSTED_DIR));
    String extra = env.getOrDefault("BANKML_TRUSTED_KEYS", "");
    for (String p : extra.split(java.io.File.pathSeparator)) {
      if (!p.isBlank()) {
        sources.add(Path.of(p.trim()));
      }
    }
    for (Path source : sources) {
      for (Path pub : publicKeyFiles(source)) {
        var key = KeyFile.parsePublic(read(pub), "public key file " + pub);
        trusted.put(key.getKey(), key.getValue());
      }
    }
    return new BundleKeys(signing, trusted);
  }

  /** A fresh signing key held in memory only, trusting itself (for tests and throw-away models). */
  public static BundleKeys generate() {
    KeyFile.SigningKey key = KeyFile.generate();
    return new BundleKeys(fixed(Optional.of(key), "memory"), Map.of(key.keyId(), key.publicKey()));
  }

  /** No signing key and nothing trusted: saves unsigned bundles, verifies none. */
  public static BundleKeys none() {
    return new BundleKeys(fixed(Optional.empty(), "none"), Map.of());
  }

  /** The signing key in key file {@code file} (which must exist), trusting its own public key. */
  public static BundleKeys signingKeyFile(Path file) {
    KeyFile.SigningKey key = KeyFile.parseSigning(read(file), "signing key file " + file);
    return new BundleKeys(fixed(Optional.of(key), file.toString()), Map.of(key.keyId(), key.publicKey()));
  }

  /**
   * Writes a new signing key to {@code file} (mode 0600) and returns its key id; refuses to replace
   * an existing file. For rotation: make the key where it will be kept, give verifiers its public
   * key ({@link #publicKeyText()}), then point {@code BANKML_SIGNING_KEY_FILE} at it.
   */
  public static String createSigningKeyFile(Path file) {
    if (Files.exists(file)) {
      throw new BankmlException("key file " + file + " already exists; bankml never replaces a key file");
    }
    KeyFile.SigningKey key = KeyFile.generate();
    AtomicFile.writeSecret(file, out -> out.write(KeyFile.signingText(key).getBytes(StandardCharsets.UTF_8)));
    return key.keyId();
  }

  /** These keys, also trusting the public keys {@code other} trusts. */
  public BundleKeys trusting(BundleKeys other) {
    Map<String, PublicKey> all = new LinkedHashMap<>(trusted);
    all.putAll(other.trusted);
    return new BundleKeys(signing, all);
  }

  /** These keys, also trusting the public key in {@code text} (a {@code .pub} file's contents). */
  public BundleKeys trustingPublicKey(String text) {
    var key = KeyFile.parsePublic(text, "public key text");
    Map<String, PublicKey> all = new LinkedHashMap<>(trusted);
    all.put(key.getKey(), key.getValue());
    return new BundleKeys(signing, all);
  }

  /** These keys without the signing key: can verify, cannot sign (saves unsigned bundles). */
  public BundleKeys verifyOnly() {
    return new BundleKeys(fixed(Optional.empty(), "none"), trusted);
  }

  /** Where the signing key comes from, e.g. the key file's path or the environment variable. */
  public String signingKeySource() {
    return signing.source();
  }

  /** The ids of the trusted public keys, sorted. */
  public Set<String> trustedKeyIds() {
    return Collections.unmodifiableSet(new TreeSet<>(trusted.keySet()));
  }

  /** The id of the signing key, if there is one (without creating the default key file). */
  public Optional<String> signingKeyId() {
    return signing.existing().map(KeyFile.SigningKey::keyId);
  }

  /**
   * The public half of the signing key as the text of a {@code .pub} file, creating the default
   * key file if there is none yet.
   */
  public String publicKeyText() {
    KeyFile.SigningKey key = signing.forSigning();
    return KeyFile.publicText(key.keyId(), key.publicKey());
  }

  /** The key that signs, creating the default key file on first use; empty for {@link #none()}. */
  Optional<KeyFile.SigningKey> signingKey() {
    return signing.existing().isPresent() ? signing.existing() : Optional.ofNullable(signing.forSigning());
  }

  Optional<PublicKey> trusted(String keyId) {
    Optional<PublicKey> key = Optional.ofNullable(trusted.get(keyId));
    if (key.isEmpty()) {
      // a default key file created by a save after these keys were looked up
      return signing.existing().filter(k -> k.keyId().equals(keyId)).map(KeyFile.SigningKey::publicKey);
    }
    return key;
  }

  private static KeyLookup fixed(Optional<KeyFile.SigningKey> key, String source) {
    return new KeyLookup() {
      @Override
      public String source() {
        return source;
      }

      @Override
      public Optional<KeyFile.SigningKey> existing() {
        return key;
      }

      @Override
      public KeyFile.SigningKey forSigning() {
        return key.orElse(null);
      }
    };
  }

  static Path configDir(Map<String, String> env, String home) {
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "bankml");
    }
    return Path.of(home, ".config", "bankml");
  }

  private static KeyLookup signingLookup(Map<String, String> env, Path config) {
    String text = env.getOrDefault("BANKML_SIGNING_KEY", "");
    if (!text.isBlank()) {
      return fixed(Optional.of(KeyFile.parseSigning(text, "environment variable BANKML_SIGNING_KEY")),
          "environment variable BANKML_SIGNING_KEY");
    }
    String file = env.getOrDefault("BANKML_SIGNING_KEY_FILE", "");
    if (!file.isBlank()) {
      Path p = Path.of(file);
      return fixed(Optional.of(KeyFile.parseSigning(read(p), "signing key file " + p
          + " (from environment variable BANKML_SIGNING_KEY_FILE)")), p + " (BANKML_SIGNING_KEY_FILE)");
    }
    return new DefaultKeyFile(config.resolve(SIGNING_FILE));
  }

  /** The default key file: read if it exists, created on first signing otherwise. */
  private static final class DefaultKeyFile implements KeyLookup {
    private final Path file;
    private volatile KeyFile.SigningKey key;

    DefaultKeyFile(Path file) {
      this.file = file;
    }

    @Override
    public String source() {
      return file.toString();
    }

    @Override
    public Optional<KeyFile.SigningKey> existing() {
      KeyFile.SigningKey k = key;
      if (k == null && Files.isRegularFile(file)) {
        k = load();
      }
      return Optional.ofNullable(k);
    }

    @Override
    public synchronized KeyFile.SigningKey forSigning() {
      if (key != null) {
        return key;
      }
      if (!Files.exists(file)) {
        create();
      }
      return load();
    }

    private synchronized KeyFile.SigningKey load() {
      if (key == null) {
        warnIfReadableByOthers(file);
        key = KeyFile.parseSigning(read(file), "signing key file " + file);
      }
      return key;
    }

    /** Writes a new key beside the target, then links it into place: two processes never both win. */
    private void create() {
      KeyFile.SigningKey fresh = KeyFile.generate();
      Path dir = file.toAbsolutePath().getParent();
      Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".new");
      try {
        createPrivateDirectory(dir);
        AtomicFile.writeSecret(tmp, out -> out.write(KeyFile.signingText(fresh).getBytes(StandardCharsets.UTF_8)));
        try {
          Files.createLink(file, tmp);
          LOG.info("created bundle signing key {} in {}", fresh.keyId(), file);
        } catch (FileAlreadyExistsException e) {
          // another process created it first: use theirs
        } catch (UnsupportedOperationException e) {
          Files.move(tmp, file);
        }
      } catch (IOException e) {
        throw new BankmlException("cannot create the bundle signing key " + file + " (" + e.getMessage()
            + "); set BANKML_SIGNING_KEY_FILE to an existing key file or make " + dir + " writable", e);
      } finally {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.getFileAttributeView(parent == null ? Path.of(".") : parent, PosixFileAttributeView.class) != null) {
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        // created concurrently
      }
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void warnIfReadableByOthers(Path file) {
    try {
      if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
          LOG.warn("signing key file {} is readable by other users (mode {}); make it 0600", file,
              PosixFilePermissions.toString(p));
        }
      }
    } catch (IOException ignored) {
      // the read that follows reports an unreadable file
    }
  }

  private static List<Path> publicKeyFiles(Path source) {
    if (Files.isRegularFile(source)) {
      return List.of(source);
    }
    if (!Files.isDirectory(source)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(source)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".pub") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new BankmlException("cannot list trusted public keys in " + source + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new BankmlException("key file " + file + " is larger than 64 KiB; it is not a bankml key file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BankmlException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }
}
