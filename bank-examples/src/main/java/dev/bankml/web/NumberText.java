package dev.bankml.web;

import java.math.BigDecimal;

/** Formats doubles the way a person types them: {@code 3} not {@code 3.0}, no exponent. */
final class NumberText {
  private NumberText() {}

  static String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
