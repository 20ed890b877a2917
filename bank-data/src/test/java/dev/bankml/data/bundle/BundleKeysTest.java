package dev.bankml.data.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleKeysTest {
  @TempDir Path home;

  private Path config() {
    return home.resolve(".config").resolve("bankml");
  }

  @Test
  void theDefaultKeyFileIsCreatedOwnerOnlyOnFirstSigningAndReusedAfterwards() throws Exception {
    BundleKeys keys = BundleKeys.from(Map.of(), home.toString());
    assertThat(keys.signingKeyId()).isEmpty();
    assertThat(Files.exists(config().resolve("signing.key"))).isFalse();
    BundleTest.sample().write(home.resolve("m.bankml"), keys);
    Path keyFile = config().resolve("signing.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config()))).isEqualTo("rwx------");
    BundleKeys again = BundleKeys.from(Map.of(), home.toString());
    assertThat(again.signingKeyId()).isEqualTo(keys.signingKeyId()).isPresent();
    assertThat(Bundle.read(home.resolve("m.bankml"), BundleKind.LOAN_MODEL,
        new LoadOptions(false, again, BundleLimits.DEFAULT)).signedBy()).isEqualTo(keys.signingKeyId());
  }

  @Test
  void xdgConfigHomeMovesTheKeyFolder() {
    Path xdg = home.resolve("xdg");
    BundleKeys keys = BundleKeys.from(Map.of("XDG_CONFIG_HOME", xdg.toString()), home.toString());
    keys.publicKeyText();
    assertThat(xdg.resolve("bankml").resolve("signing.key")).isRegularFile();
  }

  @Test
  void theSigningKeyCanComeFromAnEnvironmentVariableAndVerifiersNeedOnlyThePublicKey() throws Exception {
    BundleKeys trainer = BundleKeys.from(Map.of(), home.resolve("trainer").toString());
    String publicKey = trainer.publicKeyText(); // creates the trainer's key file
    String keyText = Files.readString(home.resolve("trainer/.config/bankml/signing.key"));
    BundleKeys ci = BundleKeys.from(Map.of("BANKML_SIGNING_KEY", keyText), home.resolve("ci").toString());
    assertThat(ci.signingKeyId()).isEqualTo(trainer.signingKeyId());
    Path file = home.resolve("m.bankml");
    BundleTest.sample().write(file, ci);
    Path pubs = home.resolve("pubs");
    Files.createDirectories(pubs);
    Files.writeString(pubs.resolve("trainer.pub"), publicKey);
    BundleKeys server = BundleKeys.from(Map.of("BANKML_TRUSTED_KEYS", pubs.toString()), home.resolve("server").toString());
    assertThat(server.trustedKeyIds()).containsExactly(ci.signingKeyId().orElseThrow());
    assertThat(Bundle.read(file, BundleKind.LOAN_MODEL, new LoadOptions(false, server, BundleLimits.DEFAULT)).signedBy())
        .isEqualTo(ci.signingKeyId());
    assertThat(home.resolve("server/.config/bankml/signing.key")).as("verifying creates no key").doesNotExist();
  }

  @Test
  void aPublicKeyFileCannotSign() throws Exception {
    BundleKeys keys = BundleKeys.generate();
    Path pub = home.resolve("k.pub");
    Files.writeString(pub, keys.publicKeyText());
    assertThatThrownBy(() -> BundleKeys.signingKeyFile(pub))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("k.pub")
        .hasMessageContaining("public key");
  }

  @Test
  void aKeyFileWhoseIdDoesNotMatchItsKeyIsRefused() throws Exception {
    BundleKeys keys = BundleKeys.generate();
    Path pub = home.resolve("k.pub");
    Files.writeString(pub, keys.publicKeyText().replaceFirst("key-id=\\w+", "key-id=0000000000000000"));
    assertThatThrownBy(() -> BundleKeys.from(Map.of("BANKML_TRUSTED_KEYS", pub.toString()), home.toString()))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("does not belong to its public-key");
  }
}
