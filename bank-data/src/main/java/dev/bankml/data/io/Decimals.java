package dev.bankml.data.io;

/** Locale-independent fixed-point formatting and strict plain-number recognition. */
final class Decimals {
  private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

  private Decimals() {}

  /** {@code value} rounded half-up to {@code digits} decimals, with '.' and no grouping. */
  static String format(double value, int digits) {
    if (!Double.isFinite(value) || Math.abs(value) >= 9e12) {
      return new java.math.BigDecimal(value)
          .setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    long scaled = Math.round(Math.abs(value) * POW10[digits]);
    // digits written right to left into one buffer: millions of cells are formatted per generated bank
    char[] c = new char[24];
    int at = c.length;
    long fraction = scaled % POW10[digits];
    for (int i = 0; i < digits; i++) {
      c[--at] = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
    if (digits > 0) {
      c[--at] = '.';
    }
    long whole = scaled / POW10[digits];
    do {
      c[--at] = (char) ('0' + whole % 10);
      whole /= 10;
    } while (whole > 0);
    if (value < 0 && scaled != 0) {
      c[--at] = '-';
    }
    return new String(c, at, c.length - at);
  }

  /** Whether {@code s} is an optional '-', digits, an optional '.' and digits, an optional exponent. */
  static boolean isPlainNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }
}
