package dev.bankml.data.io;

import dev.bankml.data.BankmlException;
import java.nio.file.Path;

/**
 * A CSV file of the bank cannot be read: empty, a missing column, a wrong number of columns, or a
 * value that is not a number, date, boolean or known category. Names file, line, column and value.
 */
public class CsvFormatException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final String value;

  /**
   * An error at {@code line} (1-based, the header is line 1) of {@code file}, in {@code column}
   * (empty when the whole row or file is at fault) holding {@code value} (empty when none).
   */
  public CsvFormatException(Path file, long line, String column, String value, String problem) {
    super(message(file, line, column, value, problem));
    this.file = String.valueOf(file);
    this.line = line;
    this.column = column;
    this.value = value;
  }

  private static String message(Path file, long line, String column, String value, String problem) {
    StringBuilder m = new StringBuilder().append(file).append(", line ").append(line);
    if (!column.isEmpty()) {
      m.append(", column '").append(column).append('\'');
    }
    if (!value.isEmpty()) {
      m.append(", value '").append(value).append('\'');
    }
    return m.append(": ").append(problem).toString();
  }

  /** The file that failed. */
  public String file() {
    return file;
  }

  /** The 1-based line; the header is line 1. */
  public long line() {
    return line;
  }

  /** The column name, or empty when the whole row or file is at fault. */
  public String column() {
    return column;
  }

  /** The offending value, or empty when there is none. */
  public String value() {
    return value;
  }

  /** The problem without the location, for reports of skipped rows. */
  public String problem() {
    String m = getMessage();
    int i = m.indexOf(": ");
    return i < 0 ? m : m.substring(i + 2);
  }
}
