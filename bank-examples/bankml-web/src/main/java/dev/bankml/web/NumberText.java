package dev.bankml.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats doubles the way a person types them: {@code 3} not {@code 3.0}, no exponent. */
final class NumberText {
  /** Significant digits kept by {@link #tidy}: enough for money and rates, none of the binary noise. */
  static final int DIGITS = 10;

  private NumberText() {}

  /**
   * {@code v} rounded to {@link #DIGITS} significant digits in the direction of {@code mode}, which
   * drops floating-point noise such as {@code 9505.689999999999} (a sum of cents) for the form.
   */
  static double tidy(double v, RoundingMode mode) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(DIGITS, mode)).doubleValue();
  }

  /** {@code v} rounded to {@code digits} significant digits in the direction of {@code mode}. */
  static double round(double v, int digits, RoundingMode mode) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(digits, mode)).doubleValue();
  }

  static String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    // 15 significant digits: every double prints as the decimal it was rounded from; a large
    // tidied value such as 9.273726922E18 has no exact double and would otherwise print as ...1999999000.
    return new BigDecimal(v).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
  }
}
