package dev.bankml.data.io;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row being parsed; every accessor names file, line, column and value when it fails. With
 * a table to take blanks from, a blank cell in a column that may be blank reads as the table's
 * stand-in and is marked in {@link #blankMask()}.
 */
final class Row {
  private final Path file;
  private final long line;
  private final Header header;
  private final CSVRecord record;
  private final BankTable<?> blanksAllowed;
  private long blankMask;

  Row(Path file, long line, Header header, CSVRecord record) {
    this(file, line, header, record, null);
  }

  Row(Path file, long line, Header header, CSVRecord record, BankTable<?> blanksAllowed) {
    this.file = file;
    this.line = line;
    this.header = header;
    this.record = record;
    this.blanksAllowed = blanksAllowed;
  }

  /** The columns read as stand-ins for blank cells, as a {@link PartialRecord} mask. */
  long blankMask() {
    return blankMask;
  }

  long line() {
    return line;
  }

  CsvFormatException error(String column, String value, String problem) {
    return new CsvFormatException(file, line, column, value, problem);
  }

  /** The raw cell; blank cells are reported as missing. */
  String text(String column) {
    String v = record.get(header.index(column));
    if (v.isBlank()) {
      String standIn = blanksAllowed == null ? null : blanksAllowed.standIn(column);
      if (standIn != null) {
        blankMask |= blanksAllowed.bit(column);
        return standIn;
      }
      throw error(column, "", "missing value; this column needs a value in every row");
    }
    return v;
  }

  /** A cell that may be empty. */
  String optionalText(String column) {
    return record.get(header.index(column)).trim();
  }

  double decimal(String column) {
    String v = text(column).trim();
    if (!Decimals.isPlainNumber(v)) {
      String hint = v.indexOf(',') >= 0 ? " (use '.' as the decimal separator, no thousands separator)" : "";
      throw error(column, v, "not a number; expected a decimal like 1234.56" + hint);
    }
    return Double.parseDouble(v);
  }

  int integer(String column) {
    String v = text(column).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw error(column, v, "not a whole number; expected an integer like 42");
    }
  }

  OptionalInt optionalInteger(String column) {
    String v = optionalText(column);
    return v.isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(column));
  }

  boolean bool(String column) {
    String v = text(column).trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw error(column, v, "not a boolean; expected true or false");
  }

  LocalDate date(String column) {
    String v = text(column).trim();
    try {
      return LocalDate.parse(v);
    } catch (DateTimeException e) {
      throw error(column, v, "not a date; expected ISO-8601 yyyy-MM-dd like 2024-03-31");
    }
  }

  LocalDateTime dateTime(String column) {
    String v = text(column).trim();
    try {
      return Timestamps.parse(v);
    } catch (DateTimeException e) {
      throw error(column, v, "not a timestamp; expected ISO-8601 yyyy-MM-ddTHH:mm:ss like 2024-03-31T14:05:00");
    }
  }

  <E extends Enum<E>> E category(String column, Class<E> type) {
    String v = text(column);
    E e = Spelling.parse(type, v);
    if (e == null) {
      throw error(column, v, "unknown " + type.getSimpleName() + "; valid values are "
          + Arrays.toString(type.getEnumConstants()));
    }
    return e;
  }

  /** A '|'-separated list; empty cell is an empty list. */
  List<String> list(String column) {
    String v = optionalText(column);
    if (v.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
