package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SegmentationPipelineTest {
  private static SegmentationPipeline.Fitted fit(Table t) {
    return SegmentationPipeline.fit(t, OptionalDouble.empty(), List.of());
  }

  @Test
  void missingValuesTakeTheMedianAndColumnsAreStandardised() {
    Table t = Table.of(NumericColumn.of("x", 1, 2, 3, Double.NaN, 4, 5));

    FeatureMatrix z = fit(t).scaled();

    assertThat(z.get(3, 0)).isEqualTo(z.get(2, 0)); // the median is 3
    double mean = 0;
    double ss = 0;
    for (int i = 0; i < 6; i++) {
      mean += z.get(i, 0);
      ss += z.get(i, 0) * z.get(i, 0);
    }
    assertThat(mean / 6).isCloseTo(0.0, within(1e-12));
    assertThat(ss / 5).isCloseTo(1.0, within(1e-12)); // sample variance 1
  }

  @Test
  void aHeavyTailedColumnIsLogCompressedAndOutliersClipped() {
    double[] v = new double[200];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < 199 ? 1000 + i : 10_000_000;
    }
    FittedPipeline p = fit(Table.of(NumericColumn.of("balance", v))).pipeline();

    assertThat(SegmentationPipeline.parts(p).get(0).logTransform()).isTrue();
    assertThat(p.transformRow(Map.of("balance", 1e12))).containsExactly(SegmentationPipeline.CLIP);
  }

  @Property(tries = 200)
  void scaledValuesAreAlwaysFiniteAndWithinTheClip(
      @ForAll @Size(min = 3, max = 30) List<@DoubleRange(min = -1e9, max = 1e9) Double> values,
      @ForAll @DoubleRange(min = -1e300, max = 1e300) double probe) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (java.util.Arrays.stream(v).distinct().count() < 2) {
      return; // a constant column is left out
    }
    FittedPipeline p = fit(Table.of(NumericColumn.of("x", v))).pipeline();

    assertThat(p.transformRow(Map.of("x", probe))[0]).isBetween(-SegmentationPipeline.CLIP, SegmentationPipeline.CLIP);
    assertThat(p.transformRow(Map.of())[0]).isFinite();
    assertThat(p.transformRow(Map.of("x", Double.POSITIVE_INFINITY))).containsExactly(p.transformRow(Map.of()));
  }

  @Test
  void categoriesBecomeIndicatorsInPlaceAndScreenedColumnsAreNamed() {
    Table t = Table.of(
        NumericColumn.of("spend", 10, 20, 30, 40),
        CategoricalColumn.of("housing", "own", "rent", "rent", "own"),
        NumericColumn.of("flat", 7, 7, 7, 7),
        BooleanColumn.of("has_card", true, false, true, true));

    SegmentationPipeline.Fitted f = fit(t);

    // "own" and "rent" are equally frequent: the first, "own", stays implicit
    assertThat(SegmentationPipeline.scaledFeatures(f.pipeline())).containsExactly("spend", "housing=rent", "has_card");
    assertThat(f.screened()).containsExactly(new DroppedColumn("flat", "constant"));
    assertThat(f.encoded().numeric("housing=rent").values()).containsExactly(0, 1, 1, 0);
  }

  @Test
  void partsRebuildAPipelineThatAnswersTheSame() {
    Customers data = Customers.make(300, 4);
    SegmentationPipeline.Fitted f = SegmentationPipeline.fit(InputColumns.select(data.table).features(),
        OptionalDouble.of(0.9), List.of());
    FittedPipeline back = SegmentationPipeline.fromParts(SegmentationPipeline.parts(f.pipeline()),
        SegmentationPipeline.projection(f.pipeline()));

    assertThat(back.transform(data.table).rowMajorValues()).containsExactly(f.clustered().rowMajorValues());
    Map<String, Object> row = data.table.row(7);
    assertThat(back.transformRow(row)).containsExactly(f.pipeline().transformRow(row));
  }

  @Test
  void inputColumnsDropIdsPersonalDataDatesAndOtherRoles() {
    Table t = Table.of(
            NumericColumn.of("id", 1, 2, 3),
            CategoricalColumn.of("first_name", "Ann", "Bob", "Cy"),
            CategoricalColumn.of("home_city", "Oslo", "Rome", "Oslo"),
            DateColumn.of("opened", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)),
            NumericColumn.of("score", 1, 2, 3),
            BooleanColumn.of("has_card", true, false, true),
            NumericColumn.of("spend", 10, 20, 30),
            CategoricalColumn.of("segment_hint", "a", "b", "a"))
        .withRole("score", ColumnRole.TARGET);

    InputColumns.Selected in = InputColumns.select(t);

    assertThat(in.idColumn()).isEqualTo("id");
    assertThat(in.ids()).containsExactly("1", "2", "3");
    assertThat(in.features().columnNames()).containsExactly("has_card", "spend", "segment_hint");
    assertThat(in.dropped()).extracting(DroppedColumn::name).containsExactly("first_name", "home_city", "opened", "score");
    assertThat(SegmentationPipeline.parts(fit(in.features()).pipeline()).get(2))
        .extracting(SegmentationPipeline.Part::name, SegmentationPipeline.Part::source, SegmentationPipeline.Part::level)
        .containsExactly("segment_hint=b", "segment_hint", Optional.of("b"));
  }

  @Test
  void withoutAnIdColumnRowsAreNumbered() {
    InputColumns.Selected in = InputColumns.select(Table.of(NumericColumn.of("spend", 1, 2)));

    assertThat(in.idColumn()).isEqualTo("row");
    assertThat(in.ids()).containsExactly("1", "2");
  }
}
