package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
  @TempDir static Path dir;
  static Path csv;

  /** A real-world-shaped extract: id column, PII, skewed amounts, missing values, three groups. */
  @BeforeAll
  static void messyCsv() throws IOException {
    SplittableRandom rnd = new SplittableRandom(1);
    StringBuilder b = new StringBuilder("cust_id,email,city,annual_income,balance,n_transactions,online_share,segment_hint\n");
    double[] income = {18_000, 55_000, 150_000};
    double[] tx = {40, 120, 60};
    double[] online = {0.9, 0.6, 0.2};
    for (int i = 0; i < 600; i++) {
      int g = i % 3;
      String inc = rnd.nextDouble() < 0.08 ? "NA" : fmt(income[g] * Math.exp(0.3 * rnd.nextGaussian()));
      String bal = rnd.nextDouble() < 0.05 ? "" : fmt((g - 0.5) * 4000 * Math.exp(0.8 * rnd.nextGaussian()));
      b.append("K-").append(1000 + i).append(',')
          .append("p").append(i).append("@mail.test,")
          .append(i % 2 == 0 ? "Oslo" : "\"Bergen, Norway\"").append(',')
          .append(inc).append(',').append(bal).append(',')
          .append(Math.round(tx[g] * Math.exp(0.2 * rnd.nextGaussian()))).append(',')
          .append(fmt(Math.min(1, Math.max(0, online[g] + 0.08 * rnd.nextGaussian())))).append(',')
          .append(g == 2 ? "premium" : "standard").append('\n');
    }
    csv = dir.resolve("customers.csv");
    Files.writeString(csv, b.toString());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aMessyCsvSegmentsWithNoOptionsAndWritesEveryFile() throws IOException {
    Path out = dir.resolve("out-default");

    CliRun r = run("segment", "--data", csv.toString(), "--out", out.toString(), "--json", "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("k").asInt()).isEqualTo(3);
    assertThat(json.get("silhouette").asDouble()).isBetween(0.2, 1.0);
    assertThat(json.has("davies_bouldin")).isTrue();
    assertThat(json.has("calinski_harabasz")).isTrue();
    assertThat(json.has("ari")).isFalse();
    List<String> lines = Files.readAllLines(out.resolve("segments.csv"));
    assertThat(lines.get(0)).isEqualTo("cust_id,segment,segment_name");
    assertThat(lines).hasSize(601);
    assertThat(lines.get(1)).startsWith("K-1000,");
    JsonNode profiles = new ObjectMapper().readTree(out.resolve("profiles.json").toFile());
    assertThat(profiles.get("segments")).hasSize(3);
    assertThat(profiles.get("dropped_columns").findValuesAsText("column")).contains("email", "city");
    for (String png : List.of("segment-scatter", "segment-elbow", "segment-silhouette", "segment-profiles",
        "segment-sizes")) {
      assertThat(out.resolve(png + ".png")).isNotEmptyFile();
    }
  }

  @Test
  void aForcedKWithTheOtherBackendIsHonouredAndSavesABundle() throws IOException {
    Path out = dir.resolve("out-k4");
    Path bundle = dir.resolve("seg.bankml");

    CliRun r = run("segment", "--data", csv.toString(), "--k", "4", "--backend", "tribuo", "--seed", "9",
        "--out", out.toString(), "--save", bundle.toString(), "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 segments of 600 customers (tribuo kmeans");
    assertThat(bundle).isNotEmptyFile();
  }

  @Test
  void aBankDirectoryIsSegmentedOnItsBehaviourAndComparedWithThePersonas() throws IOException {
    Path bank = dir.resolve("bank");
    SyntheticBank.builder().customers(600).seed(3).build().generate(bank, ProgressListener.NONE);
    Path out = dir.resolve("out-bank");

    CliRun r = run("segment", "--data", bank.toString(), "--k", "6", "--out", out.toString(), "--json", "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("k").asInt()).isEqualTo(6);
    assertThat(json.get("ari").asDouble()).isGreaterThan(0.5);
    assertThat(json.get("personas").asInt()).isEqualTo(6);
    assertThat(Files.readAllLines(out.resolve("segments.csv")).get(0)).isEqualTo("customer_id,segment,segment_name");
    JsonNode profiles = new ObjectMapper().readTree(out.resolve("profiles.json").toFile());
    assertThat(profiles.get("dropped_columns").findValuesAsText("column")).contains("persona");
    assertThat(profiles.get("segments").get(0).has("default_rate")).isTrue();
    assertThat(profiles.get("segments").get(0).get("product_holdings").size()).isPositive();
  }

  @Test
  void aBadKIsAnErrorWithoutAStackTrace() {
    CliRun r = run("segment", "--data", csv.toString(), "--k", "many", "--out", dir.resolve("x").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --k must be 'auto' or a whole number").doesNotContain("Exception");
  }

  @Test
  void aMissingFileIsNamed() {
    CliRun r = run("segment", "--data", dir.resolve("nope.csv").toString(), "--out", dir.resolve("y").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.csv").contains("does not exist");
  }
}
