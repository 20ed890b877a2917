package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir static Path dir;
  static Path csv;

  /** Output of one run: exit code, stdout, stderr. */
  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeAll
  static void data() {
    csv = Fixtures.applicationsCsv(dir, "loans.csv", 800, 1);
  }

  @Test
  void jsonHasEveryHeadlineMetric() throws IOException {
    CliRun r = run("evaluate", "--data", csv.toString(), "--id-column", "application", "--backend", "tribuo",
        "--algorithm", "logistic", "--cv", "3", "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String key : new String[] {"auc", "accuracy", "precision", "recall", "f1", "ks", "gini", "brier", "log_loss"}) {
      assertThat(j.has(key)).as(key).isTrue();
      assertThat(j.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
    }
    assertThat(j.get("auc").asDouble()).isGreaterThan(0.7);
    assertThat(j.get("gini").asDouble()).isCloseTo(2 * j.get("auc").asDouble() - 1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(j.get("rows").asInt()).isEqualTo(800);
    assertThat(j.get("selection").asText()).isEqualTo("none");
    assertThat(j.has("outer_folds")).isFalse();
  }

  @Test
  void sameSeedGivesTheSameMetricsTwice() {
    String[] args = {"evaluate", "--data", csv.toString(), "--id-column", "application", "--backend", "smile",
        "--algorithm", "auto", "--cv", "3", "--seed", "5", "--json", "-q"};
    CliRun a = run(args);
    CliRun b = run(args);
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(strip(b.out())).isEqualTo(strip(a.out()));
    assertThat(a.out()).contains("\"leaderboard\"");
  }

  @Test
  void autoIsEvaluatedByNestedCrossValidationWithEachOuterFoldsWinner() throws IOException {
    CliRun r = run("evaluate", "--data", csv.toString(), "--id-column", "application", "--backend", "tribuo",
        "--algorithm", "logistic", "--trials", "2", "--cv", "3", "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("selection").asText()).isEqualTo("nested");
    assertThat(j.get("outer_folds")).hasSize(3).allSatisfy(f -> {
      assertThat(f.get("algorithm").asText()).isEqualTo("logistic");
      assertThat(f.get("outer_auc").asDouble()).isBetween(0.5, 1.0);
      assertThat(f.get("candidates_scored").asInt()).isEqualTo(2);
    });
    assertThat(j.get("skipped")).isEmpty();
  }

  @Test
  void timeLimitTakesUnitsAndRefusesNonsense() {
    assertThat(EvaluateCommand.ModelOptions.duration("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(EvaluateCommand.ModelOptions.duration("10m")).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(EvaluateCommand.ModelOptions.duration("1.5h")).isEqualTo(java.time.Duration.ofMinutes(90));
    assertThat(EvaluateCommand.ModelOptions.duration("PT2M")).isEqualTo(java.time.Duration.ofMinutes(2));
    CliRun bad = run("evaluate", "--data", csv.toString(), "--time-limit", "soon", "-q");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: ").contains("--time-limit 'soon'");
  }

  /** Wall-clock seconds differ between runs; everything else must not. */
  private static String strip(String json) {
    return json.replaceAll("\"seconds\" : [0-9.E-]+", "");
  }

  @Test
  void trialsWithoutTuneMeansARandomSearchOfThatSize() throws Exception {
    CliRun r = run("evaluate", "--data", csv.toString(), "--id-column", "application", "--backend", "smile",
        "--algorithm", "logistic", "--trials", "3", "--cv", "3", "--json", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode board = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("leaderboard");
    assertThat(board).hasSize(3);
  }

  @Test
  void textOutputShowsTheLeaderboardForAuto() {
    CliRun r = run("evaluate", "--data", csv.toString(), "--id-column", "application", "--backend", "smile",
        "--algorithm", "auto", "--cv", "3", "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("AUC").contains("leaderboard").contains("logistic");
  }

  @Test
  void unknownNamesAndMissingFilesAreUsageErrorsWithoutStackTraces() {
    CliRun algo = run("evaluate", "--data", csv.toString(), "--backend", "tribuo", "--algorithm", "svm", "-q");
    assertThat(algo.exit()).isEqualTo(2);
    assertThat(algo.err()).startsWith("error: ").contains("svm").contains("logistic").doesNotContain("\tat ");
    CliRun backend = run("evaluate", "--data", csv.toString(), "--backend", "weka", "-q");
    assertThat(backend.exit()).isEqualTo(2);
    assertThat(backend.err()).contains("available: smile, tribuo, xgboost");
    CliRun missing = run("evaluate", "--data", dir.resolve("nope.csv").toString(), "-q");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.csv");
    CliRun target = run("evaluate", "--data", csv.toString(), "--target", "purpose", "-q");
    assertThat(target.exit()).isEqualTo(2);
    assertThat(target.err()).contains("purpose");
  }
}
