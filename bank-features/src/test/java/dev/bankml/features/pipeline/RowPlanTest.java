package dev.bankml.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The compiled per-record plan gives the same bits, and the same errors, as pushing a one-row
 * table through every step, for every kind of fitted step.
 */
class RowPlanTest {
  static final Table TRAIN = training(600, 11);

  /** Every step kind: derived ratio, instalment and age, clipping, log, WoE on numbers and levels, ordinal, one-hot, imputation, scaling, selection. */
  static final FittedPipeline EVERY_STEP = FeaturePipeline.builder()
      .add(Derived.loanToIncome("loan_to_income", "amount", "income"))
      .add(Derived.instalmentToIncome("instalment_to_income", "amount", "rate", "term", "income"))
      .add(Derived.ageAt("age", "birth_date", "applied"))
      .add(Clip.winsorise(Columns.named("amount"), 0.05, 0.95))
      .add(Log1p.of(Columns.named("loan_to_income")))
      .add(Woe.of(Columns.named("term", "grade")))
      .add(Ordinal.ordered("size", List.of("small", "medium", "large")))
      .add(Impute.median(Columns.numeric()).withIndicator())
      .add(Impute.mostFrequent(Columns.bool()))
      .add(Impute.constant(Columns.categorical(), "missing"))
      .add(OneHot.of(Columns.categorical()).minFrequency(0.05))
      .add(Scale.minMax(Columns.numeric()))
      .add(Select.byVariance(1e-12))
      .build()
      .fit(TRAIN);

  static final FittedPipeline DEFAULTS = FeaturePipeline.defaults().fit(TRAIN);

  /** No imputers: a missing value reaches the output and must be refused the same way. */
  static final FittedPipeline STRICT = FeaturePipeline.builder()
      .add(OneHot.of(Columns.categorical()))
      .add(Scale.robust(Columns.numeric()))
      .build()
      .fit(TRAIN.without("birth_date", "applied", "size"));

  @Test
  void everyFittedStepKindCompilesToARowPlan() {
    assertThat(EVERY_STEP.hasRowPlan()).isTrue();
    assertThat(DEFAULTS.hasRowPlan()).isTrue();
    assertThat(STRICT.hasRowPlan()).isTrue();
    assertThat(TransformRowPropertyTest.DEFAULTS.hasRowPlan()).isTrue();
    assertThat(TransformRowPropertyTest.RICH.hasRowPlan()).isTrue();
  }

  @Test
  void aStepReadingNumbersAsLevelsLeavesRecordsOnTheTablePath() {
    FittedPipeline termAsLevels = FeaturePipeline.builder()
        .add(Scale.minMax(Columns.named("amount")))
        .add(Ordinal.ordered("term", List.of("12", "24", "36", "60")))
        .build()
        .fit(TRAIN.select(List.of("amount", "term")));
    assertThat(termAsLevels.hasRowPlan()).isFalse();
    Map<String, Object> record = Map.of("amount", 5_000.0, "term", 36);
    assertThat(termAsLevels.transformRow(record)).containsExactly(termAsLevels.transformRowByTable(record));
  }

  @Property(tries = 300)
  void rowPlanAndOneRowTableAgreeToTheLastBit(@ForAll("records") Map<String, Object> record) {
    for (FittedPipeline p : List.of(EVERY_STEP, DEFAULTS, STRICT)) {
      Throwable tableError = catchThrowable(() -> p.transformRowByTable(record));
      if (tableError != null) {
        assertThatThrownBy(() -> p.transformRow(record))
            .isInstanceOf(tableError.getClass())
            .hasMessage(tableError.getMessage());
        continue;
      }
      double[] fast = p.transformRow(record);
      double[] reference = p.transformRowByTable(record);
      assertThat(fast.length).isEqualTo(reference.length);
      for (int j = 0; j < fast.length; j++) {
        assertThat(Double.doubleToRawLongBits(fast[j]))
            .as("feature %s: %s vs %s", p.featureNames().get(j), fast[j], reference[j])
            .isEqualTo(Double.doubleToRawLongBits(reference[j]));
      }
    }
  }

  @Test
  void textThatIsNotANumberIsRefusedNamingFieldAndValue() {
    Map<String, Object> r = new HashMap<>(Map.of("amount", "lots", "income", 50_000));
    assertThatThrownBy(() -> EVERY_STEP.transformRow(r))
        .hasMessageContaining("amount")
        .hasMessageContaining("lots");
  }

  @Test
  void aMissingValueWithoutImputerNamesTheColumn() {
    assertThatThrownBy(() -> STRICT.transformRow(Map.of("grade", "A")))
        .isInstanceOf(MissingFeatureException.class)
        .hasMessageContaining("amount");
  }

  @Provide
  Arbitrary<Map<String, Object>> records() {
    Arbitrary<Object> money = Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e5, 1e7).map(d -> (Object) d),
        Arbitraries.integers().between(0, 300_000).map(i -> (Object) i),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 7L, 2.5f, true, "", "NA", " 1234.5 ", "1e4",
            Optional.of(4200.0), Optional.empty(), "absent"));
    Arbitrary<Object> rate = Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 0.4).map(d -> (Object) d), Arbitraries.of(0.0, "", "absent"));
    Arbitrary<Object> term = Arbitraries.of(12, 24, 36, 60, 0, 7.5, "", "absent");
    Arbitrary<Object> grade = Arbitraries.of("A", "B", "C", "D", "Z", " A ", "", "NA", "null", 3.0, Double.NaN,
        Optional.of("B"), Optional.empty(), Thread.State.NEW, "absent");
    Arbitrary<Object> size = Arbitraries.of("small", "medium", "large", "huge", "", "absent");
    Arbitrary<Object> owner = Arbitraries.of(true, false, "yes", "no", 1, 0, "", "absent");
    Arbitrary<Object> date = Arbitraries.oneOf(
        Arbitraries.integers().between(-20_000, 20_000).map(d -> (Object) LocalDate.ofEpochDay(d)),
        Arbitraries.of("1980-02-29", "2024-03-01", LocalDateTime.of(1999, 12, 31, 23, 59), Optional.of(LocalDate.of(2001, 1, 1)),
            "", "absent"));
    return Combinators.combine(List.of(money, money, rate, term, grade, size, owner, date, date)).as(v -> {
      String[] names = {"amount", "income", "rate", "term", "grade", "size", "owner", "birth_date", "applied"};
      Map<String, Object> m = new HashMap<>();
      for (int k = 0; k < names.length; k++) {
        if (!"absent".equals(v.get(k))) {
          m.put(names[k], v.get(k));
        }
      }
      m.put("unrelated", "ignored");
      return m;
    });
  }

  static Table training(int n, long seed) {
    Random r = new Random(seed);
    double[] id = new double[n];
    double[] amount = new double[n];
    double[] income = new double[n];
    double[] rate = new double[n];
    double[] term = new double[n];
    String[] grade = new String[n];
    String[] size = new String[n];
    byte[] owner = new byte[n];
    long[] birth = new long[n];
    long[] applied = new long[n];
    double[] y = new double[n];
    String[] grades = {"A", "B", "C", "D"};
    String[] sizes = {"small", "medium", "large"};
    for (int i = 0; i < n; i++) {
      id[i] = i;
      amount[i] = r.nextDouble() < 0.05 ? Double.NaN : Math.round(1_000 + 40_000 * r.nextDouble());
      income[i] = r.nextDouble() < 0.1 ? Double.NaN : Math.round(15_000 + 120_000 * r.nextDouble());
      rate[i] = Math.round(r.nextDouble() * 2500) / 10_000.0;
      term[i] = new int[] {12, 24, 36, 60}[r.nextInt(4)];
      grade[i] = r.nextDouble() < 0.05 ? "" : grades[r.nextInt(4)];
      size[i] = r.nextDouble() < 0.05 ? "" : sizes[r.nextInt(3)];
      owner[i] = (byte) (r.nextDouble() < 0.05 ? -1 : r.nextInt(2));
      birth[i] = r.nextDouble() < 0.05 ? DateColumn.MISSING : LocalDate.of(1950, 1, 1).toEpochDay() + r.nextInt(18_000);
      applied[i] = LocalDate.of(2020, 1, 1).toEpochDay() + r.nextInt(1_500);
      y[i] = r.nextDouble() < 0.2 ? 1 : 0;
    }
    return Table.builder()
        .add(NumericColumn.of("id", id), ColumnRole.ID)
        .add(NumericColumn.of("amount", amount))
        .add(NumericColumn.of("income", income))
        .add(NumericColumn.of("rate", rate))
        .add(NumericColumn.of("term", term))
        .add(CategoricalColumn.of("grade", grade))
        .add(CategoricalColumn.of("size", size))
        .add(BooleanColumn.ofStates("owner", owner))
        .add(DateColumn.ofEpochDays("birth_date", birth))
        .add(DateColumn.ofEpochDays("applied", applied))
        .add(NumericColumn.of("defaulted", y), ColumnRole.TARGET)
        .build();
  }
}
