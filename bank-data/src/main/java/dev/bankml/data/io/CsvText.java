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
  /** 10<sup>i</sup> for i = 0 to 18. */
  private static final long[] POW10 = powersOfTen(19);
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

  private static long[] powersOfTen(int n) {
    long[] p = new long[n];
    p[0] = 1;
    for (int i = 1; i < n; i++) {
      p[i] = p[i - 1] * 10;
    }
    return p;
  }

  private byte[] bytes;
  private int length;
  private long rows;
  /** Cells appended to the row being built cell by cell. */
  private int cells;
  private StringBuilder quoted;
  private CSVPrinter printer;

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
    startCell(0);
    putAscii(plain);
    return this;
  }

  /** Appends the cells of {@code cells} to the current row. */
  public CsvText cells(PlainCells cells) {
    if (this.cells == 0 && cells.firstEmpty) {
      throw new IllegalArgumentException("the first cell of a row cannot be empty here; append its row with writeCells");
    }
    byte[] b = cells.bytes();
    startCell(b.length);
    this.cells += cells.count() - 1;
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
    if (!Double.isFinite(value) || Math.abs(value) >= 9e12) {
      startCell(0);
      putAscii(Decimals.format(value, digits));
      return this;
    }
    long scaled = Math.round(Math.abs(value) * POW10[digits]);
    putScaled(scaled, digits, value < 0 && scaled != 0);
    return this;
  }

  /**
   * Appends the decimal {@code unscaled} × 10<sup>−digits</sup> with exactly {@code digits} (0 to 7)
   * decimals: {@code (12345, 2)} is "123.45", {@code (-5, 2)} "-0.05". The same text as {@link
   * #decimal(double, int)} of that value, for numbers kept as whole cents (or millionths) to begin with.
   */
  public CsvText scaledDecimal(long unscaled, int digits) {
    if (unscaled == Long.MIN_VALUE) {
      startCell(0);
      putAscii(java.math.BigDecimal.valueOf(unscaled, digits).toPlainString());
      return this;
    }
    putScaled(Math.abs(unscaled), digits, unscaled < 0);
    return this;
  }

  private void putScaled(long scaled, int digits, boolean negative) {
    int n = scaledLength(scaled, digits, negative);
    startCell(n);
    length = writeScaled(bytes, length, n, scaled, digits, negative);
  }

  /** The number of bytes {@link #writeScaled} writes. */
  private static int scaledLength(long scaled, int digits, boolean negative) {
    return Math.max(digitCount(scaled), digits + 1) + (digits > 0 ? 1 : 0) + (negative ? 1 : 0);
  }

  /**
   * Writes {@code scaled} (not negative) with a point before its last {@code digits} digits as the
   * {@code n} bytes from {@code at} on, right to left, two digits per step: no division by a power of
   * ten chosen at run time (slow on long values), no string. Amounts are most of a generated bank's
   * bytes. Returns the position after them.
   */
  private static int writeScaled(byte[] c, int at, int n, long scaled, int digits, boolean negative) {
    int end = at + n;
    int i = end;
    int left = digits;
    for (; left >= 2; left -= 2) {
      int pair = (int) (scaled % 100);
      scaled /= 100;
      c[--i] = PAIRS[2 * pair + 1];
      c[--i] = PAIRS[2 * pair];
    }
    if (left == 1) {
      c[--i] = (byte) ('0' + scaled % 10);
      scaled /= 10;
    }
    if (digits > 0) {
      c[--i] = '.';
    }
    while (scaled >= 100) {
      int pair = (int) (scaled % 100);
      scaled /= 100;
      c[--i] = PAIRS[2 * pair + 1];
      c[--i] = PAIRS[2 * pair];
    }
    if (scaled >= 10) {
      c[--i] = PAIRS[2 * (int) scaled + 1];
      c[--i] = PAIRS[2 * (int) scaled];
    } else {
      c[--i] = (byte) ('0' + scaled);
    }
    if (negative) {
      c[--i] = '-';
    }
    return end;
  }

  /** Appends a whole number. */
  public CsvText integer(long value) {
    if (value < 0) {
      startCell(0);
      putAscii(Long.toString(value));
      return this;
    }
    int n = digitCount(value);
    startCell(n);
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
    startCell(10);
    putDate(epochDay);
    return this;
  }

  /**
   * Appends the local date-time {@code epochSecond} (seconds since 1970-01-01T00:00:00) as ISO-8601
   * {@code yyyy-MM-ddTHH:mm:ss}, as the transactions file writes timestamps.
   */
  public CsvText timestamp(long epochSecond) {
    startCell(19);
    long day = Math.floorDiv(epochSecond, 86_400);
    int second = (int) Math.floorMod(epochSecond, 86_400);
    int at = length;
    putDate(day);
    if (length - at != 10) { // a year outside 0..9999: java.time's layout
      length = at;
      putAscii(Timestamps.format(java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC)));
      return this;
    }
    length = writeTime(bytes, length, second);
    return this;
  }

  /**
   * Appends a whole row shaped like a transaction's: the cells of {@code lead}, the local date-time
   * {@code epochSecond} (as {@link #timestamp}), the decimal {@code unscaled} × 10<sup>−digits</sup> (as
   * {@link #scaledDecimal}) and the cells of {@code tail}. The same bytes as appending them cell by
   * cell; written in one piece, the position kept in a local variable, because such rows are nine in
   * ten of a generated bank's rows.
   */
  public void timedAmountRow(PlainCells lead, long epochSecond, long unscaled, int digits, PlainCells tail) {
    long day = Math.floorDiv(epochSecond, 86_400);
    if (cells != 0 || lead.firstEmpty || day < FIRST_DAY || day > LAST_DAY || unscaled == Long.MIN_VALUE) {
      cells(lead).timestamp(epochSecond).scaledDecimal(unscaled, digits).cells(tail).endRow(); // checks, rarer layouts
      return;
    }
    boolean negative = unscaled < 0;
    long scaled = Math.abs(unscaled);
    int amount = scaledLength(scaled, digits, negative);
    ensure(lead.bytes.length + 20 + amount + 1 + tail.bytes.length + 2);
    byte[] b = bytes;
    int at = length;
    System.arraycopy(lead.bytes, 0, b, at, lead.bytes.length);
    at += lead.bytes.length;
    b[at++] = ',';
    System.arraycopy(DATES, (int) (day - FIRST_DAY) * 10, b, at, 10);
    at = writeTime(b, at + 10, (int) (epochSecond - day * 86_400));
    b[at++] = ',';
    at = writeScaled(b, at, amount, scaled, digits, negative);
    b[at++] = ',';
    System.arraycopy(tail.bytes, 0, b, at, tail.bytes.length);
    at += tail.bytes.length;
    b[at++] = '\n';
    length = at;
    rows++;
  }

  /** Writes "THH:mm:ss" of {@code secondOfDay} from {@code at} on; returns the position after it. */
  private static int writeTime(byte[] b, int at, int secondOfDay) {
    b[at] = 'T';
    put2(b, at + 1, secondOfDay / 3600);
    b[at + 3] = ':';
    put2(b, at + 4, secondOfDay / 60 % 60);
    b[at + 6] = ':';
    put2(b, at + 7, secondOfDay % 60);
    return at + 9;
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

  /**
   * Starts a cell of the row being built: the ',' before it unless it is the row's first, and room
   * for {@code room} more bytes, so that a cell of known length is written with a single check.
   */
  private void startCell(int room) {
    ensure(room + 1);
    if (cells++ > 0) {
      bytes[length++] = ',';
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

  /** The number of decimal digits of {@code v} (not negative). */
  private static int digitCount(long v) {
    // from the number of bits, which gives the digits or one more: 1233 / 4096 is just above log10(2)
    int guess = (64 - Long.numberOfLeadingZeros(v | 1)) * 1233 >>> 12;
    return guess + 1 - (guess > 0 && v < POW10[guess] ? 1 : 0);
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
