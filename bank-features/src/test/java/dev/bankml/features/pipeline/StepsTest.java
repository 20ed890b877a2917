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

  @Test
  void dummiesTakeTheColumnsPlaceLeaveOneLevelImplicitAndKeepMissingMissing() {
    // "b" is the most frequent of three common levels: it stays implicit
    Table t = Table.builder().numeric("x", 1, 2, 3, 4, 5, 6).categorical("kind", "a", "b", "b", "c", "", "b")
        .numeric("z", 0, 0, 1, 1, 0, 1).build();
    FittedPipeline p = FeaturePipeline.builder().add(OneHot.dummies(Columns.categorical(), 0.0)).build().fit(t);
    assertThat(((OneHotFit) p.steps().get(0)).levels()).containsEntry("kind", java.util.List.of("a", "c"));
    Table encoded = p.steps().get(0).transform(t);
    assertThat(encoded.columnNames()).containsExactly("x", "kind=a", "kind=c", "z");
    assertThat(encoded.numeric("kind=a").values()).containsExactly(1, 0, 0, 0, Double.NaN, 0);
    assertThat(encoded.numeric("kind=c").values()).containsExactly(0, 0, 0, 1, Double.NaN, 0);
    // a rare level present: the rare ones are the implicit group, every common level gets a column
    Table rare = Table.builder().categorical("kind", "a", "a", "b", "b", "b", "z").build();
    OneHotFit f = (OneHotFit) FeaturePipeline.builder().add(OneHot.dummies(Columns.categorical(), 0.2)).build().fit(rare)
        .steps().get(0);
    assertThat(f.levels()).containsEntry("kind", java.util.List.of("a", "b"));
  }

  @Test
  void logWhereSkewedTransformsOnlyTheSkewedColumns() {
    Table t = Table.builder().numeric("flat", 1, 2, 3, 4, 5, 6).numeric("tail", 1, 1, 1, 1, 2, 100).build();
    FittedPipeline p = FeaturePipeline.builder().add(Log1p.whereSkewed(Columns.allNumbers(), 1.0)).build().fit(t);
    assertThat(((Log1p) p.steps().get(0)).names()).containsExactly("tail");
    assertThat(p.transform(t).get(5, 1)).isEqualTo(Math.log1p(100));
    assertThat(p.transform(t).get(5, 0)).isEqualTo(6);
  }

  @Test
  void sampleStandardScalingDividesByNMinusOne() {
    Table t = Table.builder().numeric("a", 1, 2, 3, 4, 5).build();
    // mean 3, sample sd sqrt(10 / 4)
    FeatureMatrix m = fitTransform(t, Scale.standardSample(Columns.named("a")));
    assertThat(m.get(4, 0)).isEqualTo(2 / Math.sqrt(2.5));
    Table huge = Table.builder().numeric("amount", 1, 2, 1e308).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fitTransform(huge, Scale.standardSample(Columns.named("amount"))))
        .hasMessageContaining("'amount'").hasMessageContaining("too large");
  }

  @Test
  void emptyOrConstantColumnsAreDroppedWithTheReason() {
    double n = Double.NaN;
    Table t = Table.builder().numeric("same", 7, 7, n, 7).numeric("empty", n, n, n, 1).numeric("x", 1, 2, 3, 4).build();
    FittedPipeline p = FeaturePipeline.builder().add(Select.emptyOrConstant(0.5)).build().fit(t);
    SelectionFit s = (SelectionFit) p.steps().get(0);
    assertThat(s.reasons()).containsExactly(Map.entry("same", "constant"), Map.entry("empty", "75% missing"));
    assertThat(p.featureNames()).containsExactly("x");
  }

  @Test
  void pcaKeepsTheComponentsThatExplainTheShareAndOrientsThem() {
    // y = 2x exactly: one component explains everything
    Table t = Table.builder().numeric("x", 1, 2, 3, 4).numeric("y", 2, 4, 6, 8).build();
    FittedPipeline p = FeaturePipeline.builder().add(Pca.variance(Columns.allNumbers(), 0.99)).build().fit(t);
    PcaFit f = (PcaFit) p.steps().get(0);
    assertThat(p.featureNames()).containsExactly("pc1");
    assertThat(f.explainedVariance()[0]).isCloseTo(1.0, within(1e-12));
    // the loading of y is the larger and positive: (1, 2) / sqrt(5)
    assertThat(f.components()[0][0]).isCloseTo(1 / Math.sqrt(5), within(1e-12));
    assertThat(f.components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-12));
    // mean (2.5, 5): the last row is (1.5, 3) from it, projected 1.5/sqrt(5) + 6/sqrt(5)
    assertThat(p.transform(t).get(3, 0)).isCloseTo(7.5 / Math.sqrt(5), within(1e-12));
    assertThat(FeaturePipeline.builder().add(Pca.components(Columns.allNumbers(), 2)).build().fit(t).featureNames())
        .containsExactly("pc1", "pc2");
  }
}
