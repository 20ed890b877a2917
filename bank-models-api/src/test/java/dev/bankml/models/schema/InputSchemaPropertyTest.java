package dev.bankml.models.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a caller sends, the schema answers with values to score or problems, never an exception. */
class InputSchemaPropertyTest {
  @Property(tries = 500)
  void anyValueInAnyFieldIsEitherAcceptedOrAProblemNamingThatField(
      @ForAll("fields") String field, @ForAll("values") Object value) {
    Map<String, Object> r = InputSchemaTest.good();
    r.put(field, value);
    CheckedRecord c = InputSchemaTest.schema().check(r);
    if (c.valid()) {
      assertThat(c.values()).containsKeys("amount", "purpose", "applied");
      c.values().values().forEach(v -> {
        if (v instanceof Double d) {
          assertThat(d).isFinite();
        }
      });
    } else {
      assertThat(c.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo(field));
      assertThat(c.problems()).allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(1000));
    }
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of("amount", "income", "purpose", "applied");
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE).map(d -> (Object) d),
        Arbitraries.of("1e308", "-1e308", "Infinity", "-Infinity", "NaN", "", " ", "2024-02-30", "2024-13-01", "9999-12-31",
            "CAR", " CAR ", "car", "1_000", "0x1p3", "1e-400", "+5", "٣").map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.of(true, false).map(b -> (Object) b));
  }
}
