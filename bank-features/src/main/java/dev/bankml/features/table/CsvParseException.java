package dev.bankml.features.table;

import dev.bankml.data.BankmlException;

/**
 * A CSV file cannot be read into a {@link Table}: an unclosed quote, a row with the wrong number of
 * fields, or a value that does not fit its column's type. Names the source, line, column and value.
 */
public final class CsvParseException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String column;
  private final String value;

  /**
   * An error at {@code line} (1-based, the header is line 1) of {@code source}, in {@code column}
   * (empty when the whole row is at fault) holding {@code value} (empty when none).
   */
  public CsvParseException(String source, long line, String column, String value, String problem) {
    super(message(source, line, column, value, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.value = value;
  }

  private static String message(String source, long line, String column, String value, String problem) {
    StringBuilder m = new StringBuilder().append(source).append(", line ").append(line);
    if (!column.isEmpty()) {
      m.append(", column '").append(column).append('\'');
    }
    if (!value.isEmpty()) {
      m.append(", value '").append(value).append('\'');
    }
    return m.append(": ").append(problem).toString();
  }

  /** The file (or source name) that failed. */
  public String source() {
    return source;
  }

  /** The 1-based physical line where the bad record starts. */
  public long line() {
    return line;
  }

  /** The column name, or empty when the whole row is at fault. */
  public String column() {
    return column;
  }

  /** The offending value, or empty. */
  public String value() {
    return value;
  }
}
