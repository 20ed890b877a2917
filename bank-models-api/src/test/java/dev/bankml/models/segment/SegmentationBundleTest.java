package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.models.fake.FakeBackend;
import dev.bankml.data.bundle.BundleFormatException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.BundleLimits;
import dev.bankml.data.bundle.CraftedBundles;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.TamperedBundleException;
import dev.bankml.data.bundle.UntrustedBundleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationBundleTest {
  private static final Customers DATA = Customers.make(400, 11);
  private static final FakeBackend BACKEND = new FakeBackend();
  private static final BundleKeys KEYS = BundleKeys.generate();
  private static final LoadOptions OPTIONS = new LoadOptions(false, KEYS, BundleLimits.DEFAULT);
  private static FittedSegmentation fitted;

  @TempDir Path dir;

  @BeforeAll
  static void fit() {
    fitted = CustomerSegmentation.builder().backend(BACKEND).k(4).seed(5).build().fit(DATA.table);
  }

  private static FittedSegmentation load(Path file) {
    return load(file, OPTIONS);
  }

  private static FittedSegmentation load(Path file, LoadOptions options) {
    return SegmentationBundle.read(file, options, name -> BACKEND);
  }

  private Path saved() {
    Path file = dir.resolve("seg.bankml");
    fitted.save(file, KEYS);
    return file;
  }

  @Test
  void aSavedSegmentationLoadsAndAssignsIdentically() {
    FittedSegmentation back = load(saved());

    assertThat(back.assign(DATA.table)).containsExactly(fitted.assign(DATA.table));
    assertThat(back.profiles()).isEqualTo(fitted.profiles());
    assertThat(back.quality()).isEqualTo(fitted.quality());
    assertThat(back.kSelection()).isEqualTo(fitted.kSelection());
    assertThat(back.features()).isEqualTo(fitted.features());
    assertThat(back.pipeline().transform(DATA.table).rowMajorValues())
        .containsExactly(fitted.pipeline().transform(DATA.table).rowMajorValues());
    assertThat(back.provenance()).isEqualTo(fitted.provenance());
    assertThat(back.trainingLabels()).isEmpty();
  }

  @Test
  void theManifestCarriesKindProvenanceAndTheDataFingerprint() {
    String manifest = new String(CraftedBundles.entries(saved()).get("manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"kind\" : \"segmentation\"", "\"format_version\" : 2", "\"training_data\"",
        "\"rows\" : 400", "\"silhouette\"");
    assertThat(manifest).containsPattern("\"sha256\" : \"[0-9a-f]{64}\"");
  }

  @Test
  void savingLeavesNoTemporaryFileBehind() throws IOException {
    fitted.save(dir.resolve("seg.bankml"), KEYS);
    fitted.save(dir.resolve("seg.bankml"), KEYS);

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seg.bankml");
    }
  }

  @Test
  void aManifestEditedWithItsDigestRecomputedIsRefused() {
    Path edited = dir.resolve("edited.bankml");
    CraftedBundles.rewrite(saved(), edited, e -> e.put("manifest.json", CraftedBundles.utf8(
        new String(e.get("manifest.json"), StandardCharsets.UTF_8).replaceFirst("\"seed\" : 5", "\"seed\" : 6"))), true);

    assertThatThrownBy(() -> load(edited)).isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("edited.bankml").hasMessageContaining("signature");
  }

  @Test
  void anUnsignedSegmentationNeedsTheOptInAndIsStillRangeChecked() {
    Path unsigned = dir.resolve("unsigned.bankml");
    fitted.save(unsigned, BundleKeys.none());
    assertThatThrownBy(() -> load(unsigned)).isInstanceOf(UntrustedBundleException.class);
    assertThat(load(unsigned, OPTIONS.trustingUnsigned()).assign(DATA.table)).containsExactly(fitted.assign(DATA.table));

    Path bad = dir.resolve("bad.bankml");
    CraftedBundles.rewrite(saved(), bad, e -> e.put("manifest.json", CraftedBundles.utf8(
        new String(e.get("manifest.json"), StandardCharsets.UTF_8).replaceFirst("\"chosen\" : 4", "\"chosen\" : -3"))), false);
    assertThatThrownBy(() -> load(bad, OPTIONS.trustingUnsigned())).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'manifest.json'").hasMessageContaining("chosen k is -3");
  }

  @Test
  void anotherFormatVersionIsRefused() {
    Path file = dir.resolve("v99.bankml");
    CraftedBundles.rewrite(saved(), file, e -> e.put("manifest.json", CraftedBundles.utf8(
        new String(e.get("manifest.json"), StandardCharsets.UTF_8).replace("\"format_version\" : 2",
            "\"format_version\" : 99"))), false);

    assertThatThrownBy(() -> load(file, OPTIONS.trustingUnsigned())).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("format version 99");
  }

  @Test
  void aTruncatedFileAndFilesThatAreNotBundlesAreRefused() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> load(file)).isInstanceOf(BundleFormatException.class).hasMessageContaining("refused");

    Path notes = dir.resolve("notes.bankml");
    Files.writeString(notes, "hello");
    assertThatThrownBy(() -> load(notes)).isInstanceOf(BundleFormatException.class).hasMessageContaining("not a zip");
    assertThatThrownBy(() -> load(dir.resolve("absent.bankml"))).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("no such file");
  }
}
