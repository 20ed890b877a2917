package dev.bankml.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepsTest {
  static FeatureMatrix fitTransform(Table t, Step... steps) {
    return FeaturePipeline.builder().addAll(java.util.List.of(steps)).build().fit(t).transform(t);
  }

  @Test
  void instalmentToIncomeUsesTheAnnuityFormula() {
    // 10,000 at 12% a year over 12 months: r = 0.01, payment = 10000*0.01/(1-1.01^-12) = 888.48788678...
    // monthly income 60,000/12 = 5,000 -> 0.1776975773...
    assertThat(Derived.instalment(10_000, 0.12, 12)).isCloseTo(888.4878867834, within(1e-9));
    Table t = Table.builder().numeric("amount", 10_000).numeric("rate", 0.12).numeric("term", 12).numeric("income", 60_000).build();
    FeatureMatrix m = fitTransform(t, Derived.instalmentToIncome("iti", "amount", "rate", "term", "income"),
        Derived.loanToIncome("lti", "amount", "income"));
    assertThat(m.get(0, m.names().indexOf("iti"))).isCloseTo(0.1776975774, within(1e-9));
    assertThat(m.get(0, m.names().indexOf("lti"))).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(m.sources().get(m.names().indexOf("iti"))).isEqualTo("iti");
  }

  @Test
  void ageAtCountsWholeYears() {
    Table t = Table.builder().date("born", LocalDate.of(1990, 6, 15), LocalDate.of(1990, 6, 15))
        .date("applied", LocalDate.of(2020, 6, 14), LocalDate.of(2020, 6, 15)).build();
    FeatureMatrix m = fitTransform(t, Derived.ageAt("age", "born", "applied"));
    assertThat(m.names()).containsExactly("age");
    assertThat(m.get(0, 0)).isEqualTo(29);
    assertThat(m.get(1, 0)).isEqualTo(30);
  }

  @Test
  void scalersMatchHandComputedValues() {
    Table t = Table.builder().numeric("a", 1, 2, 3, 4, 5).numeric("b", 0, 5, 10, 10, 10).build();
    FeatureMatrix robust = fitTransform(t, Scale.robust(Columns.named("a")));
    assertThat(robust.get(4, 0)).isEqualTo(1.0); // (5 - median 3) / IQR (4 - 2)
    FeatureMatrix minMax = fitTransform(t, Scale.minMax(Columns.named("b")));
    assertThat(minMax.get(1, 1)).isEqualTo(0.5);
    FeatureMatrix std = fitTransform(t, Scale.standard(Columns.named("a")));
    assertThat(std.get(0, 0)).isCloseTo(-2 / Math.sqrt(2), within(1e-12)); // mean 3, population sd sqrt(2)
  }

  @Test
  void clipWinsoriseAndLog1pBoundValues() {
    Table t = Table.builder().numeric("x", -5, 0, 5, 100, 1000).build();
    assertThat(fitTransform(t, Clip.fixed(Columns.named("x"), 0, 10)).rowMajorValues()).containsExactly(0, 0, 5, 10, 10);
    // quantiles 0.25 and 0.75 of [-5, 0, 5, 100, 1000] are 0 and 100
    assertThat(fitTransform(t, Clip.winsorise(Columns.named("x"), 0.25, 0.75)).rowMajorValues()).containsExactly(0, 0, 5, 100, 100);
    assertThat(fitTransform(t, Log1p.of(Columns.named("x"))).get(3, 0)).isEqualTo(Math.log1p(100));
    assertThat(fitTransform(t, Log1p.of(Columns.named("x"))).get(0, 0)).isEqualTo(-Math.log1p(5));
  }

  @Test
  void ordinalFollowsTheGivenOrderAndSelectionDropsConstantsAndDuplicates() {
    Table t = Table.builder().categorical("grade", "C", "A", "B", "A").numeric("same", 1, 1, 1, 1)
        .numeric("x", 1, 2, 3, 4).numeric("x2", 2, 4, 6, 8).build();
    FittedPipeline p = FeaturePipeline.builder()
        .add(Ordinal.ordered("grade", java.util.List.of("A", "B", "C")))
        .add(Select.byVariance(0.0))
        .add(Select.byCorrelation(0.99))
        .build().fit(t);
    assertThat(p.featureNames()).containsExactly("grade", "x");
    assertThat(p.transform(t).rowMajorValues()).containsExactly(2, 1, 0, 2, 1, 3, 0, 4);
    assertThat(p.transformRow(Map.of("grade", "B", "x", 9, "x2", 1))).containsExactly(1, 9);
  }
}
