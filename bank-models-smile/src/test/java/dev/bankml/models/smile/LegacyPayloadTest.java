package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Contributions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payloads written by the Java-serialising codec (format 1, before issue 15) still load and predict
 * what they predicted when they were written. The fixtures in {@code src/test/resources/legacy} were
 * written by that code (small seeded data; see {@code legacy/README.md}); each {@code .expected}
 * file records the model's answers on probe rows at the time.
 */
class LegacyPayloadTest {
  private final SmileBackend backend = new SmileBackend();

  @ParameterizedTest
  @ValueSource(strings = {"logistic", "random-forest", "gradient-boosting"})
  void aLegacyClassifierPredictsWhatItPredictedWhenWritten(String name) {
    Classifier c = backend.loadClassifier(resource(name + ".payload"));
    Expected e = Expected.read(name);
    assertThat(c.algorithm()).isEqualTo(e.first("algorithm").get(0));
    assertThat(c.featureCount()).isEqualTo(Integer.parseInt(e.first("features").get(0)));
    assertThat(c.featureImportance().orElseThrow()).containsExactly(e.doubles("importance", 0), within(1e-12));
    List<double[]> rows = e.all("row");
    for (int i = 0; i < rows.size(); i++) {
      double[] row = rows.get(i);
      assertThat(c.probability(row)).as("probability of probe row %d", i)
          .isCloseTo(e.doubles("probability", i)[0], within(1e-12));
      Contributions k = c.contributions(row).orElseThrow();
      assertThat(k.base()).as("base of probe row %d", i).isCloseTo(e.doubles("base", i)[0], within(1e-12));
      assertThat(k.perFeature()).as("contributions of probe row %d", i)
          .containsExactly(e.doubles("contributions", i), within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmeans", "gmm", "gmm-diagonal", "dbscan"})
  void aLegacyClusteringAssignsWhatItAssignedWhenWritten(String name) {
    Clustering c = backend.loadClustering(resource(name + ".payload"));
    Expected e = Expected.read(name);
    assertThat(c.algorithm()).isEqualTo(e.first("algorithm").get(0));
    assertThat(c.k()).isEqualTo(Integer.parseInt(e.first("k").get(0)));
    assertThat(c.trainingLabels()).containsExactly(e.ints("labels", 0));
    if (e.has("bic")) {
      assertThat(c.bic().orElseThrow()).isCloseTo(e.doubles("bic", 0)[0], within(1e-9));
    }
    List<double[]> centroids = e.all("centroid");
    if (!centroids.isEmpty()) {
      double[][] got = c.centroids().orElseThrow();
      assertThat(got).hasNumberOfRows(centroids.size());
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).containsExactly(centroids.get(i), within(1e-12));
      }
    }
    List<double[]> rows = e.all("row");
    for (int i = 0; i < rows.size(); i++) {
      assertThat(c.assign(rows.get(i))).as("cluster of probe row %d", i).isEqualTo(e.ints("assign", i)[0]);
    }
  }

  static byte[] resource(String file) {
    try (InputStream in = LegacyPayloadTest.class.getResourceAsStream("/legacy/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource legacy/" + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An {@code .expected} file: lines of a key and space-separated values, in order. */
  record Expected(List<String> keys, List<List<String>> values) {
    static Expected read(String name) {
      List<String> keys = new ArrayList<>();
      List<List<String>> values = new ArrayList<>();
      for (String line : new String(resource(name + ".expected"), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        List<String> parts = Arrays.asList(line.trim().split(" "));
        keys.add(parts.get(0));
        values.add(parts.subList(1, parts.size()));
      }
      return new Expected(keys, values);
    }

    boolean has(String key) {
      return keys.contains(key);
    }

    List<String> first(String key) {
      return values.get(keys.indexOf(key));
    }

    List<double[]> all(String key) {
      List<double[]> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equals(key)) {
          out.add(values.get(i).stream().mapToDouble(Double::parseDouble).toArray());
        }
      }
      return out;
    }

    double[] doubles(String key, int occurrence) {
      return all(key).get(occurrence);
    }

    int[] ints(String key, int occurrence) {
      return Arrays.stream(doubles(key, occurrence)).mapToInt(v -> (int) v).toArray();
    }
  }
}
