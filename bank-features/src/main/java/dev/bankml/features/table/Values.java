package dev.bankml.features.table;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * Parsing of single text values shared by CSV loading and record conversion, so that the same
 * text always becomes the same number.
 */
final class Values {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Values() {}

  /**
   * The number written in {@code s}, or null-free signalling: returns NaN for text that is
   * numeric but not finite ("Infinity"), and throws NumberFormatException for non-numbers.
   */
  static double parseDouble(CharSequence s) {
    double fast = fastParse(s);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    String t = s.toString().trim();
    if (!looksNumeric(t)) {
      throw new NumberFormatException(t);
    }
    double v = Double.parseDouble(t);
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /** Whether {@code s} is a number (including forms like 1e5 and -.5 and Infinity). */
  static boolean isNumber(CharSequence s) {
    if (!Double.isNaN(fastParse(s))) {
      return true;
    }
    String t = s.toString().trim();
    if (!looksNumeric(t)) {
      return false;
    }
    try {
      Double.parseDouble(t);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether {@code s} is a number that is not finite as a double: Infinity, -Infinity, 1e400. */
  static boolean isInfinite(CharSequence s) {
    String t = s.toString().trim();
    if (!looksNumeric(t)) {
      return false;
    }
    try {
      return Double.isInfinite(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether {@code s} has the shape of a yyyy-MM-dd date (digits and dashes), whether or not such a day exists. */
  static boolean dateShaped(String s) {
    String t = s.trim();
    if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return false;
    }
    if (t.length() > 10 && t.charAt(10) != 'T' && t.charAt(10) != ' ') {
      return false;
    }
    return digits(t, 0, 4) >= 0 && digits(t, 5, 7) >= 0 && digits(t, 8, 10) >= 0;
  }

  // Rejects forms Java accepts but data files never mean as numbers: hex, "1d", "2f".
  private static boolean looksNumeric(String t) {
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
      return false;
    }
    return !(t.contains("x") || t.contains("X"));
  }

  /**
   * Exact parse of plain decimals ([-+]digits[.digits], at most 15 significant digits): the
   * integer mantissa and the power of ten are both exact doubles, so one division is correctly
   * rounded and agrees with {@link Double#parseDouble}. Returns NaN when the fast path does not apply.
   */
  static double fastParse(CharSequence s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return Double.NaN;
    }
    boolean neg = false;
    char c = s.charAt(0);
    if (c == '-' || c == '+') {
      neg = c == '-';
      i++;
    }
    long mant = 0;
    int digits = 0;
    int frac = -1;
    boolean any = false;
    for (; i < n; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        any = true;
        if (mant == 0 && c == '0') {
          if (frac >= 0) {
            frac++;
          }
          continue;
        }
        if (++digits > 15) {
          return Double.NaN;
        }
        mant = mant * 10 + (c - '0');
        if (frac >= 0) {
          frac++;
        }
      } else if (c == '.' && frac < 0) {
        frac = 0;
      } else {
        return Double.NaN;
      }
    }
    if (!any) {
      return Double.NaN;
    }
    int scale = Math.max(frac, 0);
    if (scale >= POW10.length) {
      return Double.NaN;
    }
    double v = scale == 0 ? (double) mant : mant / POW10[scale];
    return neg ? -v : v;
  }

  /** The boolean written in {@code s} (true/false, yes/no, y/n, any case), or -1 when not a boolean. */
  static int parseBoolean(String s) {
    switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "t":
        return 1;
      case "false", "no", "n", "f":
        return 0;
      default:
        return -1;
    }
  }

  /** The ISO date (yyyy-MM-dd, or the date part of an ISO date-time) in {@code s}, or MISSING. */
  static long parseDate(String s) {
    try {
      return localDate(s).map(LocalDate::toEpochDay).orElse(DateColumn.MISSING);
    } catch (DateTimeException e) {
      return DateColumn.MISSING;
    }
  }

  /** See {@link DateColumn#parse(String)}. */
  static Optional<LocalDate> localDate(String s) {
    String t = s.trim();
    if (!dateShaped(t)) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)));
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
