package dev.bankml.data.io;

import dev.bankml.data.BankmlException;
import java.nio.file.Path;

/**
 * A CSV file cannot be read: empty, a missing column, a wrong number of columns, or a value that is
 * not a number, date, boolean or known category. Names file, line, column and value. The bank
 * readers throw it; {@code dev.bankml.features.table.CsvParseException} (any CSV loaded as a table)
 * is a subtype, so one catch serves both.
 */
public class CsvFormatException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final String value;
  private final String problem;

  /**
   * An error at {@code line} (1-based, the header is line 1; 0 when the whole file is at fault) of
   * {@code file}, in {@code column} (empty when the whole row or file is at fault) holding {@code
   * value} (empty when none; cut to 100 characters in the message).
   */
  public CsvFormatException(Path file, long line, String column, String value, String problem) {
    this(String.valueOf(file), line, column, value, problem);
  }

  /** Like {@link #CsvFormatException(Path, long, String, String, String)} for a source named by text. */
  public CsvFormatException(String source, long line, String column, String value, String problem) {
    super(message(source, line, column, value, problem));
    this.file = source;
    this.line = line;
    this.column = column;
    this.value = value;
    this.problem = problem;
  }

  private static String message(String source, long line, String column, String value, String problem) {
    StringBuilder m = new StringBuilder().append(source);
    if (line > 0) {
      m.append(", line ").append(line);
    }
    if (!column.isEmpty()) {
      m.append(", column '").append(clip(column)).append('\'');
    }
    if (!value.isEmpty()) {
      m.append(", value '").append(clip(value)).append('\'');
    }
    return m.append(": ").append(problem).toString();
  }

  /** The file (or source name) that failed. */
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
    return problem;
  }
}
