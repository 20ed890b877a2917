package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
  @Test
  void missingValuesTakeTheMedianAndColumnsAreStandardised() {
    double[] v = {1, 2, 3, Double.NaN, 4, 5};
    RawColumns raw = new RawColumns("id", List.of("a", "b", "c", "d", "e", "f"),
        List.of(InputFeature.numeric("x")), List.of(v), List.of());

    Preprocessing p = Preprocessing.fit(raw);
    FeatureMatrix z = p.transform(raw.values(), 6);

    ColumnScaling c = p.columns().get(0);
    assertThat(c.logTransform()).isFalse();
    assertThat(c.impute()).isEqualTo(3.0);
    assertThat(z.get(3, 0)).isEqualTo(z.get(2, 0));
    double mean = 0;
    for (int i = 0; i < 6; i++) {
      mean += z.get(i, 0);
    }
    assertThat(mean / 6).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void aHeavyTailedColumnIsLogCompressedAndOutliersClipped() {
    double[] v = new double[200];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < 199 ? 1000 + i : 10_000_000;
    }
    RawColumns raw = new RawColumns("id", java.util.Collections.nCopies(200, "x"),
        List.of(InputFeature.numeric("balance")), List.of(v), List.of());

    Preprocessing p = Preprocessing.fit(raw);

    assertThat(p.columns().get(0).logTransform()).isTrue();
    assertThat(p.columns().get(0).apply(1e12)).isEqualTo(Preprocessing.CLIP);
  }

  @Property(tries = 200)
  void scaledValuesAreAlwaysFiniteAndWithinTheClip(
      @ForAll @Size(min = 3, max = 30) List<@DoubleRange(min = -1e9, max = 1e9) Double> values,
      @ForAll double probe) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    ColumnScaling c = Preprocessing.fit(new RawColumns("id", java.util.Collections.nCopies(v.length, "x"),
        List.of(InputFeature.numeric("x")), List.of(v), List.of())).columns().get(0);

    double z = c.apply(probe);
    assertThat(z).isBetween(-Preprocessing.CLIP, Preprocessing.CLIP);
    assertThat(c.apply(Double.NaN)).isFinite();
    assertThat(c.apply(Double.POSITIVE_INFINITY)).isEqualTo(c.apply(Double.NaN));
  }

  @Test
  void tableColumnsDropIdsPersonalDataDatesAndOtherRoles() {
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

    RawColumns raw = TableColumns.forFit(t);

    assertThat(raw.idColumn()).isEqualTo("id");
    assertThat(raw.ids()).containsExactly("1", "2", "3");
    assertThat(raw.names()).containsExactly("has_card", "spend", "segment_hint=b");
    assertThat(raw.dropped()).extracting(DroppedColumn::name)
        .containsExactly("first_name", "home_city", "opened", "score");
    assertThat(raw.features().get(2)).isEqualTo(new InputFeature("segment_hint=b", "segment_hint", Optional.of("b")));
  }

  @Test
  void withoutAnIdColumnRowsAreNumbered() {
    RawColumns raw = TableColumns.forFit(Table.of(NumericColumn.of("spend", 1, 2)));

    assertThat(raw.idColumn()).isEqualTo("row");
    assertThat(raw.ids()).containsExactly("1", "2");
  }
}
