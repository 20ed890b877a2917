package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderFileTest {
  private static final BundleKeys KEYS = BundleKeys.generate();
  private static final LoadOptions OPTIONS = new LoadOptions(false, KEYS, BundleLimits.DEFAULT);

  @TempDir Path dir;

  private ItemRecommender fitted() {
    int[] segments = {0, 0, 0, 0, 1, 1, 0, 1};
    return RecommenderSpec.builder().similarity(Similarity.CONDITIONAL).alpha(0.3).shrinkage(2).build()
        .fit(RecommenderTest.HOLDINGS, segments);
  }

  private Path saved() {
    Path file = dir.resolve("rec.bankml");
    fitted().save(file, KEYS);
    return file;
  }

  @Test
  void savedRecommenderLoadsAndRecommendsTheSame() throws IOException {
    ItemRecommender r = fitted();
    Path file = dir.resolve("rec.bankml");
    r.save(file, KEYS);
    ItemRecommender back = ItemRecommender.load(file, OPTIONS);
    assertThat(back.spec()).isEqualTo(r.spec());
    assertThat(back.itemLabels()).isEqualTo(r.itemLabels());
    assertThat(back.trainingData()).isEqualTo(r.trainingData()).isEqualTo(RecommenderTest.HOLDINGS.fingerprint());
    assertThat(back.popularity().ofSegment(1)).containsExactly(r.popularity().ofSegment(1));
    for (int c = 0; c < RecommenderTest.HOLDINGS.customers(); c++) {
      int[] held = RecommenderTest.HOLDINGS.itemsOf(c);
      assertThat(back.recommend(held, 3)).isEqualTo(r.recommend(held, 3));
    }
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void theManifestSaysWhatWasFittedWithWhichSettings() throws IOException {
    String manifest;
    try (var zip = new java.util.zip.ZipFile(saved().toFile())) {
      manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(manifest).contains("\"kind\" : \"recommender\"", "\"algorithm\" : \"item-conditional\"",
        "\"shrinkage\" : 2.0", "\"item_labels\"", "\"rows\" : " + RecommenderTest.HOLDINGS.customers());
  }

  @Test
  void aChangedSimilarityIsRefusedEvenWithItsDigestRecomputed() {
    Path file = dir.resolve("changed.bankml");
    CraftedBundles.rewrite(saved(), file, e -> e.get("similarity.bin")[10] ^= 1, true);
    assertThatThrownBy(() -> ItemRecommender.load(file, OPTIONS.trustingUnsigned()))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("changed.bankml")
        .hasMessageContaining("signature");
  }

  @Test
  void truncatedAndForeignFilesAreRefused() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> ItemRecommender.load(file, OPTIONS)).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("truncated");
    Path other = dir.resolve("notes.txt");
    Files.writeString(other, "hello, this is not a model at all");
    assertThatThrownBy(() -> ItemRecommender.load(other, OPTIONS)).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("not a bankml bundle");
  }

  @Test
  void aLoanModelBundleIsNotARecommender() {
    Path file = saved();
    assertThatThrownBy(() -> dev.bankml.data.bundle.Bundle.read(file, dev.bankml.data.bundle.BundleKind.LOAN_MODEL,
        OPTIONS)).isInstanceOf(BundleFormatException.class).hasMessageContaining("it is a recommender bundle");
  }

  @Test
  void unsignedAndForeignKeyRecommendersNeedTheOptIn() {
    Path unsigned = dir.resolve("unsigned.bankml");
    fitted().save(unsigned, BundleKeys.none());
    assertThatThrownBy(() -> ItemRecommender.load(unsigned, OPTIONS)).isInstanceOf(UntrustedBundleException.class);
    Path foreign = dir.resolve("foreign.bankml");
    fitted().save(foreign, BundleKeys.generate());
    assertThatThrownBy(() -> ItemRecommender.load(foreign, OPTIONS)).isInstanceOf(UntrustedBundleException.class);
    assertThat(ItemRecommender.load(foreign, OPTIONS.trustingUnsigned()).spec()).isEqualTo(fitted().spec());
  }

  @Test
  void saveNeverThrowsACheckedExceptionAndNamesAFileItCannotWrite() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("taken"));
    assertThatThrownBy(() -> fitted().save(folder, KEYS))
        .isInstanceOf(dev.bankml.data.BankmlException.class)
        .hasMessageContaining("taken")
        .hasMessageContaining("is a directory");
    assertThat(folder).isEmptyDirectory();
  }
}
