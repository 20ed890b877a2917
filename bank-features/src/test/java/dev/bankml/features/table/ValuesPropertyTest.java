package dev.bankml.features.table;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ValuesPropertyTest {
  @Property
  void fastDecimalParseAgreesWithTheJdkToTheLastBit(
      @ForAll @LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long mantissa,
      @ForAll @IntRange(min = 0, max = 15) int scale) {
    String digits = Long.toString(Math.abs(mantissa));
    while (digits.length() <= scale) {
      digits = "0" + digits;
    }
    String text = (mantissa < 0 ? "-" : "") + digits.substring(0, digits.length() - scale)
        + (scale > 0 ? "." + digits.substring(digits.length() - scale) : "");
    assertThat(Double.doubleToRawLongBits(Values.parseDouble(text)))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Property
  void anyFiniteDoubleReadsBackExactlyFromItsText(@ForAll double d) {
    if (Double.isFinite(d)) {
      assertThat(Values.parseDouble(Double.toString(d))).isEqualTo(d);
    } else {
      assertThat(Values.parseDouble(Double.toString(d))).isNaN();
    }
  }
}
