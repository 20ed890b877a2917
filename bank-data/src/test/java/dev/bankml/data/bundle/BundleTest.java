package dev.bankml.data.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
  @TempDir Path dir;

  static final BundleKeys KEYS = BundleKeys.generate();

  /** Typed settings of a made-up kind, as a kind's module would declare them. */
  record Settings(double threshold, List<String> columns) {}

  static Provenance provenance() {
    return new Provenance("1.2.3", "fake", "0.1", "logistic", Map.of("c", 1.5, "solver", "lbfgs", "intercept", true),
        42, new DataFingerprint(100, 12, Bundle.sha256Hex(new byte[] {1})), Map.of("cv_auc", 0.81),
        "2026-01-01T00:00:00Z");
  }

  static Bundle sample() {
    return Bundle.of(BundleKind.LOAN_MODEL, provenance(), new Settings(0.2, List.of("a", "b")),
        Map.of("model.bin", new byte[] {1, 2, 3}, "pipeline.json", CraftedBundles.utf8("{}")));
  }

  static LoadOptions trusting(BundleKeys keys) {
    return new LoadOptions(false, keys, BundleLimits.DEFAULT);
  }

  @Test
  void aSavedBundleLoadsWithItsManifestPartsAndSigner() {
    Path file = dir.resolve("m.bankml");
    sample().write(file, KEYS);
    Bundle back = Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS));
    assertThat(back.kind()).isEqualTo(BundleKind.LOAN_MODEL);
    assertThat(back.formatVersion()).isEqualTo(Bundle.FORMAT_VERSION);
    assertThat(back.provenance()).isEqualTo(provenance());
    assertThat(back.manifest(Settings.class)).isEqualTo(new Settings(0.2, List.of("a", "b")));
    assertThat(back.part("model.bin")).containsExactly(1, 2, 3);
    assertThat(back.partNames()).containsExactly("model.bin", "pipeline.json");
    assertThat(back.signedBy()).isEqualTo(KEYS.signingKeyId());
  }

  @Test
  void theManifestIsReadableJsonWithFormatKindAndProvenance() {
    Path file = dir.resolve("m.bankml");
    sample().write(file, KEYS);
    String manifest = new String(CraftedBundles.entries(file).get(Bundle.MANIFEST), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"format_version\" : 2", "\"kind\" : \"loan-model\"", "\"provenance\" : {",
        "\"backend\" : \"fake\"", "\"threshold\" : 0.2");
  }

  @Test
  void identicalBundlesGiveIdenticalFiles() throws Exception {
    sample().write(dir.resolve("a.bankml"), KEYS);
    sample().write(dir.resolve("b.bankml"), KEYS);
    assertThat(Files.readAllBytes(dir.resolve("a.bankml"))).isEqualTo(Files.readAllBytes(dir.resolve("b.bankml")));
  }

  @Test
  void aBundleOfAnotherKindIsRefusedNamingBothKinds() {
    Path file = dir.resolve("m.bankml");
    sample().write(file, KEYS);
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.SEGMENTATION, trusting(KEYS)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("m.bankml")
        .hasMessageContaining("it is a loan-model bundle, not a segmentation bundle");
  }

  @Test
  void anUnsignedBundleLoadsOnlyWithTheOptIn() {
    Path file = dir.resolve("m.bankml");
    sample().write(file, BundleKeys.none());
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS)))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining("m.bankml")
        .hasMessageContaining("it is not signed");
    Bundle back = Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS).trustingUnsigned());
    assertThat(back.signedBy()).isEmpty();
    assertThat(back.part("model.bin")).containsExactly(1, 2, 3);
  }

  @Test
  void aBundleSignedByAnUntrustedKeyIsRefusedNamingTheKey() {
    Path file = dir.resolve("m.bankml");
    BundleKeys other = BundleKeys.generate();
    sample().write(file, other);
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS)))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining("signed by key " + other.signingKeyId().orElseThrow())
        .hasMessageContaining("not trusted here");
  }

  @Test
  void severalKeysCanBeTrustedAtOnceWhileKeysAreRotated() {
    BundleKeys oldKey = BundleKeys.generate();
    BundleKeys newKey = BundleKeys.generate();
    sample().write(dir.resolve("old.bankml"), oldKey);
    sample().write(dir.resolve("new.bankml"), newKey);
    LoadOptions both = trusting(newKey.trustingPublicKey(oldKey.publicKeyText()));
    assertThat(Bundle.read(dir.resolve("old.bankml"), BundleKind.LOAN_MODEL, both).signedBy())
        .isEqualTo(oldKey.signingKeyId());
    assertThat(Bundle.read(dir.resolve("new.bankml"), BundleKind.LOAN_MODEL, both).signedBy())
        .isEqualTo(newKey.signingKeyId());
  }

  @Test
  void aMissingPartIsRefusedNamingIt() {
    Path file = dir.resolve("m.bankml");
    sample().write(file, KEYS);
    Bundle back = Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS));
    assertThatThrownBy(() -> back.part("clustering.bin"))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'clustering.bin'")
        .hasMessageContaining("no such entry");
  }

  @Test
  void aManifestMissingAFieldIsRefusedNamingTheField() {
    record Wider(double threshold, List<String> columns, int folds) {}
    Path file = dir.resolve("m.bankml");
    sample().write(file, KEYS);
    Bundle back = Bundle.read(file, BundleKind.LOAN_MODEL, trusting(KEYS));
    assertThatThrownBy(() -> back.manifest(Wider.class))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'manifest.json'")
        .hasMessageContaining("folds");
  }

  @Test
  void partNamesMustBePlainFileNames() {
    for (String bad : List.of("../x", "a/b", "/abs", "", "manifest.json", "signature.json")) {
      assertThatThrownBy(() -> Bundle.of(BundleKind.LOAN_MODEL, provenance(), new Settings(0.2, List.of()),
          Map.of(bad, new byte[0]))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
