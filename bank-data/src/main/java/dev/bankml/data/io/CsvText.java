package dev.bankml.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of a bank table rendered in memory as exactly the CSV text {@link TableWriter} writes (same
 * quoting, a '\n' after each row), so that work split over threads or machines can be concatenated
 * into the same bytes. Not thread-safe.
 */
public final class CsvText {
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char ch = 'a'; ch <= 'z'; ch++) {
      PLAIN[ch] = true;
      PLAIN[Character.toUpperCase(ch)] = true;
    }
    for (char ch = '0'; ch <= '9'; ch++) {
      PLAIN[ch] = true;
    }
    for (char ch : ".-_:@ |'/+".toCharArray()) {
      PLAIN[ch] = true;
    }
  }

  private final StringBuilder text;
  private final CSVPrinter printer;
  private long rows;

  /** An empty text expecting about {@code capacity} characters. */
  public CsvText(int capacity) {
    this.text = new StringBuilder(capacity);
    try {
      this.printer = new CSVPrinter(text, TableWriter.FORMAT);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
  }

  /** The header line of {@code table} as {@link TableWriter} writes it, '\n' included. */
  public static String header(BankTable<?> table) {
    CsvText h = new CsvText(256);
    h.writeCells(table.columns());
    return h.toString();
  }

  /** Appends one row of formatted cells ({@link BankTable#format}); an empty string is a missing value. */
  public void writeCells(String... cells) {
    if (allPlain(cells)) {
      // the common case, appended directly: Commons CSV prints such cells unquoted (checked by CsvTextPropertiesTest)
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(cells[i]);
      }
      text.append('\n');
      rows++;
      return;
    }
    try {
      printer.printRecord((Object[]) cells);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether every cell is certainly printed as it is: the first cell not empty, no cell starting with a
   * character up to '#' or ending with a space or control character, and only letters, digits, spaces
   * and {@code .-_:@|'/+} inside. Anything else goes through the CSV printer.
   */
  private static boolean allPlain(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      int n = c.length();
      if (n == 0) {
        if (i == 0) {
          return false;
        }
        continue;
      }
      if (c.charAt(0) <= '#' || c.charAt(n - 1) <= ' ') {
        return false;
      }
      for (int k = 0; k < n; k++) {
        char ch = c.charAt(k);
        if (ch >= PLAIN.length || !PLAIN[ch]) {
          return false;
        }
      }
    }
    return true;
  }

  private void writeCells(List<String> cells) {
    writeCells(cells.toArray(String[]::new));
  }

  /** The number of rows appended. */
  public long rows() {
    return rows;
  }

  /** The number of characters appended. */
  public int length() {
    return text.length();
  }

  CharSequence chars() {
    return text;
  }

  /** The rows appended so far. */
  @Override
  public String toString() {
    return text.toString();
  }
}
