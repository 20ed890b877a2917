package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Numbers shown on the form: plain text, and training ranges without floating-point noise. */
class NumberTextTest {
  @Test
  void floatingPointNoiseIsDroppedFromFormValues() {
    assertThat(NumberText.format(NumberText.tidy(9505.689999999999, RoundingMode.HALF_EVEN))).isEqualTo("9505.69");
    assertThat(NumberText.format(NumberText.tidy(34225.13999999999, RoundingMode.CEILING))).isEqualTo("34225.14");
    assertThat(NumberText.format(NumberText.tidy(-19046.76, RoundingMode.FLOOR))).isEqualTo("-19046.76");
    assertThat(NumberText.format(3.0)).isEqualTo("3");
  }

  @Test
  void aLargeTidiedNumberPrintsAsTheDecimalItWasRoundedTo() {
    // 9.273726922E18 has no exact double: the nearest one would print as 9273726921999999000.
    assertThat(NumberText.format(NumberText.tidy(9.27372692193079E18, RoundingMode.HALF_EVEN)))
        .isEqualTo("9273726922000000000");
  }

  @Property
  void tidyingARangeOnlyWidensIt(@ForAll double v) {
    double lo = NumberText.tidy(v, RoundingMode.FLOOR);
    double hi = NumberText.tidy(v, RoundingMode.CEILING);
    if (Double.isFinite(v)) {
      assertThat(lo).isLessThanOrEqualTo(v);
      assertThat(hi).isGreaterThanOrEqualTo(v);
    }
  }

  @Property
  void aTidiedNumberHasAtMostTenSignificantDigits(@ForAll double v) {
    double t = NumberText.tidy(v, RoundingMode.HALF_EVEN);
    if (Double.isFinite(t) && t != 0) {
      assertThat(new BigDecimal(NumberText.format(t)).stripTrailingZeros().precision())
          .isLessThanOrEqualTo(NumberText.DIGITS);
    }
  }
}
