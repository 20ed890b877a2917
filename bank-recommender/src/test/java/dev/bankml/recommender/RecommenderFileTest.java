package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderFileTest {
  @TempDir Path dir;

  private ItemRecommender fitted() {
    int[] segments = {0, 0, 0, 0, 1, 1, 0, 1};
    return RecommenderSpec.builder().similarity(Similarity.CONDITIONAL).alpha(0.3).shrinkage(2).build()
        .fit(RecommenderTest.HOLDINGS, segments);
  }

  @Test
  void savedRecommenderLoadsAndRecommendsTheSame() throws IOException {
    ItemRecommender r = fitted();
    Path file = dir.resolve("rec.bin");
    r.save(file);
    ItemRecommender back = ItemRecommender.load(file);
    assertThat(back.spec()).isEqualTo(r.spec());
    assertThat(back.itemLabels()).isEqualTo(r.itemLabels());
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
  void tamperedFileIsRefused() throws IOException {
    Path file = dir.resolve("rec.bin");
    fitted().save(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[40] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ItemRecommender.load(file))
        .isInstanceOf(RecommenderFileException.class)
        .hasMessageContaining("rec.bin")
        .hasMessageContaining("checksum")
        .hasMessageContaining("refusing to load");
  }

  @Test
  void truncatedFileIsRefused() throws IOException {
    Path file = dir.resolve("rec.bin");
    fitted().save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> ItemRecommender.load(file))
        .isInstanceOf(RecommenderFileException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void otherFilesAndVersionsAreRefused() throws IOException {
    Path other = dir.resolve("notes.txt");
    Files.writeString(other, "hello, this is not a model at all");
    assertThatThrownBy(() -> ItemRecommender.load(other))
        .isInstanceOf(RecommenderFileException.class)
        .hasMessageContaining("not a bankml recommender");
    Path file = dir.resolve("rec.bin");
    fitted().save(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[11] = 9; // version int follows the 8-byte magic
    Files.write(file, bytes);
    assertThatThrownBy(() -> ItemRecommender.load(file))
        .isInstanceOf(RecommenderFileException.class)
        .hasMessageContaining("format version 9");
  }
}
