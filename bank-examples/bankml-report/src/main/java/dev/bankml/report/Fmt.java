package dev.bankml.report;

import java.util.Locale;

/** Number formats and element ids of the report page. */
final class Fmt {
  private Fmt() {}

  /** {@code v} with {@code decimals} decimals, or an en dash for NaN. */
  static String num(double v, int decimals) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** {@code v} as a percentage with one decimal. */
  static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A short label for a number on a chart axis. */
  static String axis(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.0fk", v / 1e3);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2g", v);
  }

  /** A chart or element id made from free text: letters, digits, {@code -} and {@code _} only. */
  static String id(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  /** A table cell with escaped text. */
  static String td(String text) {
    return "<td>" + Html.escape(text) + "</td>";
  }

  /** A right-aligned numeric table cell. */
  static String tdNum(String text) {
    return "<td class=\"n\">" + Html.escape(text) + "</td>";
  }
}
