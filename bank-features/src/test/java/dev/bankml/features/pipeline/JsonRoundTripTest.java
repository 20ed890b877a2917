package dev.bankml.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.Table;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
  @Test
  void reloadedPipelineIsEqualAndGivesIdenticalOutputs() {
    Table train = withCopy(Fixtures.training(300, 3));
    Table test = withCopy(Fixtures.training(100, 4));
    FittedPipeline p = FeaturePipeline.builder()
        .add(Derived.ratio("income_per_age", "income", "age"))
        .add(Woe.of(Columns.named("purpose")))
        .add(new Woe(Columns.named("age"), new dev.bankml.features.woe.WoeBinning(8, 0.05, dev.bankml.features.woe.Monotonicity.AUTO)))
        .add(Ordinal.ordered("purpose_copy", java.util.List.of("car", "home")))
        .add(Clip.winsorise(Columns.named("income"), 0.05, 0.95))
        .add(Log1p.of(Columns.named("income_per_age")))
        .addAll(FeaturePipeline.defaultSteps())
        .add(Select.byVariance(0.0))
        .add(Select.byCorrelation(0.99))
        .build()
        .fit(train);
    FittedPipeline back = FittedPipeline.fromJson(p.toJson());
    assertThat(back).isEqualTo(p);
    assertThat(back.toJson()).isEqualTo(p.toJson());
    assertThat(back.transform(test).rowMajorValues()).containsExactly(p.transform(test).rowMajorValues());
    assertThat(back.informationValues()).containsOnlyKeys("purpose", "age");
  }

  private static Table withCopy(Table t) {
    return t.with(t.categorical("purpose").withName("purpose_copy"));
  }

  @Test
  void segmentationStepsRoundTrip() {
    FittedPipeline p = TransformRowPropertyTest.SEGMENTS;
    FittedPipeline back = FittedPipeline.fromJson(p.toJson());
    assertThat(back).isEqualTo(p);
    Table test = Fixtures.training(50, 10);
    assertThat(back.transform(test).rowMajorValues()).containsExactly(p.transform(test).rowMajorValues());
  }

  @Test
  void pipelinesWrittenBeforeCodingsAndReasonsStillLoad() {
    FittedPipeline p = FeaturePipeline.builder().addAll(FeaturePipeline.defaultSteps()).add(Select.byVariance(0.0)).build()
        .fit(Fixtures.training(200, 11));
    String old = p.toJson().replaceAll(",\\s*\"coding\" : \"ONE_HOT\"", "").replaceAll(",\\s*\"reasons\" : \\{[^}]*\\}", "");
    assertThat(old).doesNotContain("coding").doesNotContain("reasons");
    FittedPipeline back = FittedPipeline.fromJson(old);
    Table test = Fixtures.training(50, 12);
    assertThat(back.transform(test).rowMajorValues()).containsExactly(p.transform(test).rowMajorValues());
  }

  @Test
  void unknownFormatVersionIsRefused() {
    String json = FeaturePipeline.defaults().fit(Fixtures.training(50, 5)).toJson()
        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
    assertThatThrownBy(() -> FittedPipeline.fromJson(json)).isInstanceOf(BankmlException.class).hasMessageContaining("version 99");
  }

  @Test
  void garbageIsRefusedWithATypedError() {
    assertThatThrownBy(() -> FittedPipeline.fromJson("{\"steps\": 3}")).isInstanceOf(BankmlException.class);
  }
}
