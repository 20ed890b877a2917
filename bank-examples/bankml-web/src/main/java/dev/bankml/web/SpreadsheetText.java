package dev.bankml.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells of a CSV that a person downloads and opens in a spreadsheet. Text that starts with {@code
 * =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula there
 * (CSV injection), so it gets a leading apostrophe; a cell that is a plain number (such as {@code
 * -5} or {@code +1.5e3}) stays as it is, so numbers stay numbers.
 */
final class SpreadsheetText {
  private SpreadsheetText() {}

  static String cell(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !plainNumber(text) ? "'" + text : text;
  }

  static List<String> cells(List<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    texts.forEach(t -> out.add(cell(t)));
    return out;
  }

  /** A decimal number, optionally signed and with an exponent: nothing a spreadsheet would evaluate. Linear time. */
  static boolean plainNumber(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
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
