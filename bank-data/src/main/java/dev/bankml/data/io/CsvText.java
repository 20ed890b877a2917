package dev.bankml.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of a bank table rendered in memory as exactly the UTF-8 bytes {@link TableWriter} writes
 * (same quoting, a '\n' after each row), so that work split over threads or machines can be
 * concatenated into the same file. Rows are appended either as formatted cells ({@link
 * #writeCells}) or, for the millions of rows of a generated bank, cell by cell from primitives
 * ({@link #cell(String)}, {@link #decimal}, {@link #integer}, {@link #date}, {@link #timestamp},
 * then {@link #endRow}) without a string per cell. Not thread-safe.
 */
public final class CsvText {
  private static final boolean[] PLAIN = new boolean[128];
  private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};
  /** "00" to "99". */
  private static final byte[] PAIRS = new byte[200];
  /** The ISO-8601 text of every day from 1900 to 2099, ten bytes each: dates are most cells of a bank. */
  private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();
  private static final byte[] DATES = new byte[(int) (LAST_DAY - FIRST_DAY + 1) * 10];

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
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    LocalDate d = LocalDate.ofEpochDay(FIRST_DAY);
    for (int at = 0; at < DATES.length; at += 10, d = d.plusDays(1)) {
      byte[] text = d.toString().getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, DATES, at, 10);
    }
  }

  private byte[] bytes;
  private int length;
  private long rows;
  /** Cells appended to the row being built cell by cell. */
  private int cells;
  private StringBuilder quoted;
  private CSVPrinter printer;
  private final byte[] scratch = new byte[24];

  /** An empty text expecting about {@code capacity} bytes. */
  public CsvText(int capacity) {
    this.bytes = new byte[Math.max(16, capacity)];
  }

  /** The header line of {@code table} as {@link TableWriter} writes it, '\n' included. */
  public static String header(BankTable<?> table) {
    CsvText h = new CsvText(256);
    h.writeCells(table.columns());
    return h.toString();
  }

  /** Appends one row of formatted cells ({@link BankTable#format}); an empty string is a missing value. */
  public void writeCells(String... cells) {
    requireRowBoundary();
    if (allPlain(cells)) {
      // the common case, appended directly: Commons CSV prints such cells unquoted (checked by CsvTextPropertiesTest)
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          put((byte) ',');
        }
        putAscii(cells[i]);
      }
      put((byte) '\n');
      rows++;
      return;
    }
    if (printer == null) {
      quoted = new StringBuilder(256);
      try {
        printer = new CSVPrinter(quoted, TableWriter.FORMAT);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringBuilder does not fail
      }
    }
    quoted.setLength(0);
    try {
      printer.printRecord((Object[]) cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] utf8 = quoted.toString().getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
    rows++;
  }

  /**
   * Appends a text cell to the current row. The cell must be one the CSV printer writes as it is
   * (letters, digits, space and {@code .-_:@|'/+}, not starting with a character up to '#' nor ending
   * with a space; the first cell of a row not empty), such as an id or a category name.
   *
   * @throws IllegalArgumentException for any other cell; append such rows with {@link #writeCells}
   */
  public CsvText cell(String plain) {
    if (!isPlain(plain, cells == 0)) {
      throw new IllegalArgumentException("cell '" + plain + "' needs quoting; append its row with writeCells");
    }
    separate();
    putAscii(plain);
    return this;
  }

  /** Appends the cells of {@code cells} to the current row. */
  public CsvText cells(PlainCells cells) {
    if (this.cells == 0 && cells.firstEmpty) {
      throw new IllegalArgumentException("the first cell of a row cannot be empty here; append its row with writeCells");
    }
    separate();
    this.cells += cells.count() - 1;
    byte[] b = cells.bytes();
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  /**
   * One or more text cells checked once to be printed as they are (see {@link #cell(String)}) and kept
   * as their bytes, for cells repeated in many rows such as an id or a combination of categories.
   */
  public static final class PlainCells {
    private final byte[] bytes;
    private final int count;
    private final boolean firstEmpty;

    private PlainCells(byte[] bytes, int count, boolean firstEmpty) {
      this.bytes = bytes;
      this.count = count;
      this.firstEmpty = firstEmpty;
    }

    /**
     * The cells, in order; the first may be empty only when they do not start a row.
     *
     * @throws IllegalArgumentException if a cell needs quoting or there is none
     */
    public static PlainCells of(String... cells) {
      if (cells.length == 0) {
        throw new IllegalArgumentException("no cells");
      }
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        if (!isPlain(cells[i], false)) {
          throw new IllegalArgumentException("cell '" + cells[i] + "' needs quoting; append its row with writeCells");
        }
        joined.append(i > 0 ? "," : "").append(cells[i]);
      }
      return new PlainCells(joined.toString().getBytes(StandardCharsets.US_ASCII), cells.length, cells[0].isEmpty());
    }

    byte[] bytes() {
      return bytes;
    }

    int count() {
      return count;
    }
  }

  /** Appends {@code value} rounded half-up to {@code digits} (0 to 7) decimals, with '.', as {@link BankTable} formats it. */
  public CsvText decimal(double value, int digits) {
    separate();
    if (!Double.isFinite(value) || Math.abs(value) >= 9e12) {
      putAscii(Decimals.format(value, digits));
      return this;
    }
    long scaled = Math.round(Math.abs(value) * POW10[digits]);
    long whole = scaled / POW10[digits];
    long fraction = scaled - whole * POW10[digits];
    byte[] c = scratch;
    int at = c.length;
    int left = digits;
    for (; left >= 2; left -= 2) {
      int pair = (int) (fraction % 100);
      fraction /= 100;
      c[--at] = PAIRS[2 * pair + 1];
      c[--at] = PAIRS[2 * pair];
    }
    if (left == 1) {
      c[--at] = (byte) ('0' + fraction);
    }
    if (digits > 0) {
      c[--at] = '.';
    }
    while (whole >= 100) {
      int pair = (int) (whole % 100);
      whole /= 100;
      c[--at] = PAIRS[2 * pair + 1];
      c[--at] = PAIRS[2 * pair];
    }
    if (whole >= 10) {
      c[--at] = PAIRS[2 * (int) whole + 1];
      c[--at] = PAIRS[2 * (int) whole];
    } else {
      c[--at] = (byte) ('0' + whole);
    }
    if (value < 0 && scaled != 0) {
      c[--at] = '-';
    }
    int n = c.length - at;
    ensure(n);
    System.arraycopy(c, at, bytes, length, n);
    length += n;
    return this;
  }

  /** Appends a whole number. */
  public CsvText integer(long value) {
    separate();
    if (value < 0) {
      putAscii(Long.toString(value));
      return this;
    }
    int n = digitCount(value);
    ensure(n);
    int at = length + n;
    do {
      bytes[--at] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    length += n;
    return this;
  }

  /** Appends the date {@code epochDay} (days since 1970-01-01) as ISO-8601 {@code yyyy-MM-dd}, as {@link LocalDate#toString}. */
  public CsvText date(long epochDay) {
    separate();
    putDate(epochDay);
    return this;
  }

  /**
   * Appends the local date-time {@code epochSecond} (seconds since 1970-01-01T00:00:00) as ISO-8601
   * {@code yyyy-MM-ddTHH:mm:ss}, as the transactions file writes timestamps.
   */
  public CsvText timestamp(long epochSecond) {
    separate();
    long day = Math.floorDiv(epochSecond, 86_400);
    int second = (int) Math.floorMod(epochSecond, 86_400);
    int at = length;
    putDate(day);
    if (length - at != 10) { // a year outside 0..9999: java.time's layout
      length = at;
      putAscii(Timestamps.format(java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC)));
      return this;
    }
    ensure(9);
    byte[] b = bytes;
    int i = length;
    b[i] = 'T';
    put2(b, i + 1, second / 3600);
    b[i + 3] = ':';
    put2(b, i + 4, second / 60 % 60);
    b[i + 6] = ':';
    put2(b, i + 7, second % 60);
    length += 9;
    return this;
  }

  /** Ends the row being built cell by cell. */
  public void endRow() {
    if (cells == 0) {
      throw new IllegalStateException("a row needs at least one cell");
    }
    put((byte) '\n');
    cells = 0;
    rows++;
  }

  private void writeCells(List<String> cells) {
    writeCells(cells.toArray(String[]::new));
  }

  /** The number of rows appended. */
  public long rows() {
    return rows;
  }

  /** The number of bytes appended. */
  public int length() {
    return length;
  }

  /** Writes the bytes appended so far to {@code out}. */
  void writeTo(OutputStream out) throws IOException {
    requireRowBoundary();
    out.write(bytes, 0, length);
  }

  /** The rows appended so far. */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * Whether every cell is certainly printed as it is: the first cell not empty, no cell starting with a
   * character up to '#' or ending with a space or control character, and only letters, digits, spaces
   * and {@code .-_:@|'/+} inside. Anything else goes through the CSV printer.
   */
  private static boolean allPlain(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (!isPlain(cells[i], i == 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlain(String c, boolean first) {
    int n = c.length();
    if (n == 0) {
      return !first;
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
    return true;
  }

  private void requireRowBoundary() {
    if (cells != 0) {
      throw new IllegalStateException("a row built cell by cell was not ended");
    }
  }

  private void separate() {
    if (cells++ > 0) {
      put((byte) ',');
    }
  }

  private void putDate(long epochDay) {
    if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
      putAscii(LocalDate.ofEpochDay(epochDay).toString());
      return;
    }
    ensure(10);
    System.arraycopy(DATES, (int) (epochDay - FIRST_DAY) * 10, bytes, length, 10);
    length += 10;
  }

  private static void put2(byte[] b, int at, int v) {
    b[at] = PAIRS[2 * v];
    b[at + 1] = PAIRS[2 * v + 1];
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** Appends a string of characters below 128 (checked by the callers) as single bytes. */
  private void putAscii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      b[at + i] = (byte) s.charAt(i);
    }
    length += n;
  }

  private void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
