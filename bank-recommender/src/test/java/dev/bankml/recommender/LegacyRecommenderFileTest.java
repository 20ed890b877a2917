package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.UntrustedBundleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recommender file written by bankml before the signed format (commit 41832f4: the default spec
 * fitted on the holdings of the seed-7 3,000-customer bank) loads only with the opt-in for unsigned
 * bundles, and then recommends exactly what that code recommended.
 */
class LegacyRecommenderFileTest {
  @TempDir Path dir;

  @Test
  void aLegacyRecommenderFileRecommendsExactlyAsRecorded() throws IOException {
    Path file = dir.resolve("recommender.bin");
    try (InputStream in = getClass().getResourceAsStream("/legacy/recommender.bin")) {
      Files.copy(in, file);
    }
    assertThatThrownBy(() -> ItemRecommender.load(file))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining("recommender.bin")
        .hasMessageContaining("older bankml");
    ItemRecommender r = ItemRecommender.load(file, LoadOptions.defaults().trustingUnsigned());
    List<String[]> rows = expected();
    assertThat(rows).hasSizeGreaterThan(50);
    int i = 0;
    while (i < rows.size()) {
      String customer = rows.get(i)[0];
      int[] held = rows.get(i)[1].isBlank() ? new int[0]
          : Arrays.stream(rows.get(i)[1].split(" ")).mapToInt(Integer::parseInt).toArray();
      List<Recommendation> recs = r.recommend(held, 5);
      for (Recommendation rec : recs) {
        String[] e = rows.get(i++);
        assertThat(e[0]).isEqualTo(customer);
        assertThat(rec.item()).as("customer %s rank %s", customer, e[2]).isEqualTo(Integer.parseInt(e[3]));
        assertThat(rec.score()).as("customer %s rank %s", customer, e[2]).isEqualTo(Double.parseDouble(e[4]));
        assertThat(rec.reason()).isEqualTo(e[5]);
      }
    }
  }

  /** customer, held items, rank, item, score, reason (the reason quoted, never containing a quote). */
  private List<String[]> expected() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/legacy/recommender.expected.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        int quote = line.indexOf(",\"");
        String[] head = line.substring(0, quote).split(",", -1);
        String reason = line.substring(quote + 2, line.length() - 1);
        out.add(new String[] {head[0], head[1], head[2], head[3], head[4], reason});
      }
    }
    return out;
  }
}
