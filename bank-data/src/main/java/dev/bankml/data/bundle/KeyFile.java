package dev.bankml.data.bundle;

import dev.bankml.data.BankmlException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The text form of keys: a signing key file holds an Ed25519 key pair, a public key file
 * ({@code .pub}) only the public half. Both are {@code key=value} lines:
 *
 * <pre>
 * format=bankml-key-1
 * algorithm=Ed25519
 * key-id=3f2a9c0d1e4b5a67          (first 16 hex digits of the SHA-256 of the public key)
 * public-key=MCowBQYDK2VwAyEA…     (X.509, base64)
 * private-key=MC4CAQAwBQYDK2VwBCIE…  (PKCS#8, base64; signing key files only)
 * </pre>
 */
final class KeyFile {
  static final String ALGORITHM = "Ed25519";
  private static final String FORMAT = "bankml-key-1";

  private KeyFile() {}

  /** A signing key: the private key and the public key (and id) that verifies what it signs. */
  record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
    byte[] sign(byte[] message) {
      try {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(privateKey);
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 signing failed", e);
      }
    }
  }

  static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(keyId(pair.getPublic()), pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no Ed25519 (Java 15 and later have it)", e);
    }
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The key id of {@code key}: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
  static String keyId(PublicKey key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String signingText(SigningKey key) {
    return "# bankml bundle signing key: keep it secret (mode 0600). Verifiers need only the public key:\n"
        + "# give them this file without its private-key line, saved as " + key.keyId() + ".pub\n"
        + publicText(key.keyId(), key.publicKey())
        + "private-key=" + Base64.getEncoder().encodeToString(key.privateKey().getEncoded()) + "\n";
  }

  static String publicText(String keyId, PublicKey key) {
    return "format=" + FORMAT + "\nalgorithm=" + ALGORITHM + "\nkey-id=" + keyId + "\npublic-key="
        + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n";
  }

  /** The signing key in {@code text} (the contents of a signing key file read from {@code where}). */
  static SigningKey parseSigning(String text, String where) {
    Properties p = properties(text, where);
    PublicKey pub = publicKey(p, where);
    String encoded = p.getProperty("private-key", "").trim();
    if (encoded.isEmpty()) {
      throw new BankmlException(where + " has no private-key line; it is a public key, which can verify bundles but not sign them");
    }
    PrivateKey priv;
    try {
      priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BankmlException(where + ": private-key is not a base64 PKCS#8 Ed25519 key", e);
    }
    SigningKey key = new SigningKey(keyId(pub), priv, pub);
    byte[] probe = "bankml key check".getBytes(StandardCharsets.US_ASCII);
    if (!verify(pub, probe, key.sign(probe))) {
      throw new BankmlException(where + ": private-key and public-key are not one key pair");
    }
    return key;
  }

  /** The key id and public key in {@code text} (a public or signing key file read from {@code where}). */
  static java.util.Map.Entry<String, PublicKey> parsePublic(String text, String where) {
    PublicKey pub = publicKey(properties(text, where), where);
    return java.util.Map.entry(keyId(pub), pub);
  }

  private static Properties properties(String text, String where) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new BankmlException(where + " is not a bankml key file (" + e.getMessage() + ")", e);
    }
    if (!FORMAT.equals(p.getProperty("format", "").trim())) {
      throw new BankmlException(where + " is not a bankml key file: it has no line format=" + FORMAT);
    }
    if (!ALGORITHM.equals(p.getProperty("algorithm", "").trim())) {
      throw new BankmlException(where + ": algorithm must be " + ALGORITHM + ", got '"
          + Names.shown(p.getProperty("algorithm", "")) + "'");
    }
    return p;
  }

  private static PublicKey publicKey(Properties p, String where) {
    PublicKey pub;
    try {
      pub = KeyFactory.getInstance(ALGORITHM).generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("public-key", "").trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BankmlException(where + ": public-key is missing or not a base64 X.509 Ed25519 key", e);
    }
    Optional<String> id = Optional.ofNullable(p.getProperty("key-id")).map(String::trim);
    if (id.isPresent() && !id.get().equals(keyId(pub))) {
      throw new BankmlException(where + ": key-id " + Names.shown(id.get()) + " does not belong to its public-key (which is "
          + keyId(pub) + ")");
    }
    return pub;
  }
}
