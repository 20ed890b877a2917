package dev.bankml.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.features.table.ColumnTypeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest {
  static final FittedPipeline P = FeaturePipeline.defaults().fit(Fixtures.training(500, 1));

  static Map<String, Object> good() {
    Map<String, Object> m = new HashMap<>();
    m.put("income", 50_000.0);
    m.put("purpose", "car");
    m.put("owner", true);
    m.put("age", 40);
    return m;
  }

  static double feature(double[] row, String name) {
    return row[P.featureNames().indexOf(name)];
  }

  @Test
  void idAndTargetAreNeverFeatures() {
    assertThat(P.sources()).doesNotContain("id", "defaulted");
    assertThat(P.inputSchema()).extracting(InputField::name).containsExactly("income", "purpose", "owner", "age");
  }

  @Test
  void unseenCategoryMapsToOtherBucket() {
    Map<String, Object> r = good();
    r.put("purpose", "spaceship");
    double[] x = P.transformRow(r);
    assertThat(feature(x, "purpose=(other)")).isEqualTo(1.0);
    assertThat(feature(x, "purpose=car")).isEqualTo(0.0);
  }

  @Test
  void rareTrainingLevelAlsoMapsToOtherBucket() {
    Map<String, Object> r = good();
    r.put("purpose", "rare");
    assertThat(feature(P.transformRow(r), "purpose=(other)")).isEqualTo(1.0);
  }

  @Test
  void missingValueTakesTheImputerValueAndRaisesTheIndicator() {
    ImputationFit imp = (ImputationFit) P.steps().get(0);
    ScalerFit scale = (ScalerFit) P.steps().get(4);
    Map<String, Object> r = good();
    r.put("income", "NA");
    double[] x = P.transformRow(r);
    double expected = (imp.numeric().get("income") - scale.center().get("income")) / scale.scale().get("income");
    assertThat(feature(x, "income")).isEqualTo(expected);
    assertThat(feature(x, "income_missing")).isEqualTo(1.0);
  }

  @Test
  void absentColumnCoveredByAnImputerIsTreatedAsMissing() {
    Map<String, Object> r = good();
    r.remove("income");
    Map<String, Object> na = good();
    na.put("income", Double.NaN);
    assertThat(P.transformRow(r)).containsExactly(P.transformRow(na));
  }

  @Test
  void absentColumnWithoutImputerIsAnErrorNamingTheColumn() {
    FittedPipeline noImpute = FeaturePipeline.builder().add(Scale.standard(Columns.named("age"))).build()
        .fit(Fixtures.training(50, 2).select(List.of("age")));
    assertThatThrownBy(() -> noImpute.transformRow(Map.of("other", 1)))
        .isInstanceOf(MissingFeatureException.class)
        .hasMessageContaining("column 'age' is missing");
  }

  @Test
  void extraColumnsAreIgnored() {
    Map<String, Object> r = good();
    r.put("favourite_colour", "green");
    assertThat(P.transformRow(r)).containsExactly(P.transformRow(good()));
  }

  @Test
  void textInANumericFieldIsAnErrorNamingFieldAndValue() {
    Map<String, Object> r = good();
    r.put("income", "fifty thousand");
    assertThatThrownBy(() -> P.transformRow(r))
        .isInstanceOf(ColumnTypeException.class)
        .hasMessageContaining("'income'")
        .hasMessageContaining("'fifty thousand'");
  }

  @Test
  void nanAndInfinityAreTreatedAsMissingAndNeverReachTheModel() {
    Map<String, Object> nan = good();
    nan.put("income", Double.NaN);
    Map<String, Object> inf = good();
    inf.put("income", Double.NEGATIVE_INFINITY);
    double[] a = P.transformRow(nan);
    assertThat(P.transformRow(inf)).containsExactly(a);
    for (double v : a) {
      assertThat(Double.isFinite(v)).isTrue();
    }
  }
}
