package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.tune.SearchStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoanDefaultModelTest {
  @TempDir Path dir;

  /** Applications whose default risk rises with debt-to-income and for purpose "cash"; some values missing. */
  static Table applications(int n, long seed) {
    Random r = new Random(seed);
    double[] dti = new double[n];
    double[] income = new double[n];
    String[] purpose = new String[n];
    boolean[] defaulted = new boolean[n];
    double[] id = new double[n];
    String[] purposes = {"car", "home", "cash", "education"};
    for (int i = 0; i < n; i++) {
      id[i] = 1000 + i;
      dti[i] = r.nextDouble() * 0.6;
      income[i] = 20000 + r.nextDouble() * 80000;
      purpose[i] = purposes[r.nextInt(4)];
      double logit = -2.5 + 6 * dti[i] + (purpose[i].equals("cash") ? 1.2 : 0) - income[i] / 100000;
      defaulted[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
      if (r.nextInt(20) == 0) {
        income[i] = Double.NaN;
      }
      if (r.nextInt(25) == 0) {
        purpose[i] = "";
      }
    }
    return Table.of(NumericColumn.of("loan_id", id), NumericColumn.of("debt_to_income", dti),
        NumericColumn.of("income", income), CategoricalColumn.of("purpose", purpose),
        BooleanColumn.of("defaulted", defaulted));
  }

  private static LoanDefaultOptions options() {
    return LoanDefaultOptions.builder().backend("fake").idColumn("loan_id").folds(3).seed(7).threads(2).build();
  }

  @Test
  void trainsScoresAndExplainsInTermsOfSourceColumns() {
    LoanDefaultModel m = options().fit(applications(1500, 1));
    assertThat(m.provenance().metrics().get("cv_auc")).isGreaterThan(0.7);
    assertThat(m.provenance().algorithm()).isEqualTo("logistic");
    assertThat(m.inputSchema()).extracting(f -> f.name()).containsExactlyInAnyOrder("debt_to_income", "income", "purpose");
    Table test = applications(300, 2);
    assertThat(m.test(test).auc()).isGreaterThan(0.7);
    Map<String, Object> risky = Map.of("debt_to_income", 0.58, "income", 21000, "purpose", "cash");
    Assessment a = m.assess(risky);
    assertThat(a.probability()).isEqualTo(m.probability(risky));
    assertThat(a.decision()).isEqualTo(Decision.DECLINE);
    assertThat(a.reasons()).contains("Debt-to-income ratio too high").hasSizeLessThanOrEqualTo(4);
    assertThat(a.principalReasons()).extracting(Reason::text).isEqualTo(a.reasons());
    assertThat(a.grade()).isEqualTo(m.grade(a.probability()));
    assertThat(a.explanation().contributions()).extracting(c -> c.column())
        .containsExactlyInAnyOrder("debt_to_income", "income", "purpose");
    assertThat(m.score(0.05)).isEqualTo(600);
    assertThat(m.score(0.01)).isGreaterThan(m.score(0.2));
  }

  @Test
  void singleRecordsScoreExactlyLikeTheSameRowsInABatch() {
    LoanDefaultModel m = options().fit(applications(600, 3));
    Table t = applications(50, 4);
    double[] batch = m.probabilities(t);
    for (int i = 0; i < t.rows(); i++) {
      Map<String, Object> rec = new HashMap<>();
      for (var c : t.columns()) {
        rec.put(c.name(), c.value(i).orElse(null)); // a blank value is there, but blank
      }
      assertThat(m.probability(rec)).as("row %d", i).isEqualTo(batch[i]);
    }
  }

  @Test
  void savedModelReloadsToIdenticalPredictionsAndAlteredFilesAreRefused() throws Exception {
    LoanDefaultModel m = options().fit(applications(600, 5));
    Path file = dir.resolve("loans.bankml");
    m.save(file);
    LoanDefaultModel back = LoanDefaultModel.load(file);
    Table t = applications(200, 6);
    assertThat(back.probabilities(t)).containsExactly(m.probabilities(t));
    assertThat(back.threshold()).isEqualTo(m.threshold());
    assertThat(back.provenance()).isEqualTo(m.provenance());
    assertThat(back.settings()).isEqualTo(m.settings());
    assertThat(back.assessAll(t).get(3).reasons()).isEqualTo(m.assessAll(t).get(3).reasons());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Path bad = dir.resolve("bad.bankml");
    Files.write(bad, bytes);
    assertThatThrownBy(() -> LoanDefaultModel.load(bad)).isInstanceOf(BankmlException.class).hasMessageContaining("bad.bankml");
  }

  @Test
  void sameSeedGivesTheSameModelAndMetrics() {
    Table t = applications(500, 8);
    LoanDefaultOptions o = options().toBuilder().tuning(new SearchStrategy.RandomSearch(3)).build();
    LoanDefaultModel a = o.fit(t);
    LoanDefaultModel b = o.toBuilder().threads(1).build().fit(t);
    assertThat(b.provenance().metrics()).isEqualTo(a.provenance().metrics());
    assertThat(b.probabilities(t)).containsExactly(a.probabilities(t));
  }

  @Test
  void thresholdPoliciesPickWhatTheyPromise() {
    int[] y = {0, 0, 0, 1, 0, 1, 1, 1};
    double[] p = {0.1, 0.2, 0.3, 0.35, 0.4, 0.6, 0.7, 0.9};
    // brute force: expected cost 5·FN + 1·FP over every threshold
    double t = new ThresholdPolicy.MinCost(5, 1).choose(y, p);
    double best = Double.POSITIVE_INFINITY;
    for (double c = 0; c <= 1.0001; c += 0.001) {
      best = Math.min(best, cost(y, p, c));
    }
    assertThat(cost(y, p, t)).isCloseTo(best, within(1e-12));
    assertThat(new ThresholdPolicy.ApprovalRate(0.5).choose(y, p)).isEqualTo(0.4);
    assertThat(new ThresholdPolicy.MaxF1().choose(y, p)).isEqualTo(0.35);
  }

  private static double cost(int[] y, double[] p, double t) {
    double c = 0;
    for (int i = 0; i < y.length; i++) {
      boolean decline = p[i] >= t;
      c += y[i] == 1 && !decline ? 5 : y[i] == 0 && decline ? 1 : 0;
    }
    return c;
  }

  @Test
  void badTargetsAndOptionsAreRefusedWithClearMessages() {
    Table t = applications(100, 9);
    assertThatThrownBy(() -> options().toBuilder().target("bad_flag").build().fit(t))
        .isInstanceOf(BankmlException.class).hasMessageContaining("'bad_flag' is not in the data");
    // the library names the column and the value; the command line adds its flag
    assertThatThrownBy(() -> options().toBuilder().target("debt_to_income").build().fit(t))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("positive"))
        .hasMessageContaining("target column 'debt_to_income' has value").hasMessageContaining("0 or 1")
        .hasMessageNotContaining("--");
    assertThatThrownBy(() -> options().toBuilder().algorithm("svm").build().fit(t))
        .isInstanceOf(BankmlException.class).hasMessageContaining("available: logistic");
    assertThatThrownBy(() -> options().toBuilder().backend("weka").build().fit(t))
        .isInstanceOf(BankmlException.class).hasMessageContaining("available: fake");
  }

  @Test
  void categoricalTargetWithANamedPositiveValueTrains() {
    Table t = applications(400, 10);
    String[] status = new String[t.rows()];
    for (int i = 0; i < status.length; i++) {
      status[i] = t.bool("defaulted").state(i) == 1 ? "bad" : "good";
    }
    Table named = t.without("defaulted").with(CategoricalColumn.of("status", status));
    LoanDefaultModel m = options().toBuilder().target("status").build().fit(named);
    assertThat(m.provenance().metrics().get("cv_auc")).isGreaterThan(0.65);
    assertThat(m.inputSchema()).extracting(f -> f.name()).doesNotContain("status", "loan_id");
  }

  @Test
  void evaluatingASearchIsNestedAndSaysWhichCandidateEachOuterFoldChose() {
    LoanDefaultOptions o = options().toBuilder().tuning(new SearchStrategy.RandomSearch(3)).build();

    LoanEvaluation e = o.evaluate(applications(900, 11));

    assertThat(e.selection()).isEqualTo(Selection.NESTED);
    assertThat(e.nestedFolds()).hasSize(3).allSatisfy(f -> {
      assertThat(f.candidatesScored()).isEqualTo(3);
      assertThat(f.outerScore()).isGreaterThan(0.6);
    });
    assertThat(e.nestedFolds()).extracting(NestedFold::fold).containsExactly(0, 1, 2);
    assertThat(e.outOfFold()).doesNotContain(Double.NaN);
    assertThat(e.metrics().auc()).isGreaterThan(0.7);
    assertThat(e.leaderboard().trials()).extracting(t -> t.hyperparameters()).contains(e.best().hyperparameters());
    assertThat(e.skipped()).isEmpty();
  }

  @Test
  void aFixedRecipeIsPlainCrossValidationAndATrainedSearchRecordsASelectionScore() {
    assertThat(options().toBuilder().algorithm("logistic").build().evaluate(applications(600, 12))
        .selection()).isEqualTo(Selection.NONE);

    LoanDefaultModel m = options().toBuilder().tuning(new SearchStrategy.RandomSearch(3)).build()
        .fit(applications(600, 12));

    assertThat(m.settings().selection()).isEqualTo(Selection.SAME_FOLDS);
  }

  @Test
  void aTimeLimitLeavesCandidatesOutAndReportsThem() {
    LoanEvaluation e = options().toBuilder().tuning(new SearchStrategy.RandomSearch(3))
        .timeLimit(java.time.Duration.ofNanos(3)).build().evaluate(applications(600, 13));

    assertThat(e.nestedFolds()).allSatisfy(f -> assertThat(f.candidatesScored()).isEqualTo(1));
    assertThat(e.skipped()).hasSize(3 * 2).allSatisfy(c -> assertThat(c.reason()).isEqualTo("not started"));
    assertThatThrownBy(() -> LoanDefaultOptions.builder().timeLimit(java.time.Duration.ZERO))
        .isInstanceOf(BankmlException.class).hasMessageContaining("time limit");
  }
}
