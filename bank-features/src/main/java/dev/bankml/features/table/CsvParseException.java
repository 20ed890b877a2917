package dev.bankml.features.table;

import dev.bankml.data.io.CsvFormatException;

/**
 * A CSV file cannot be read into a {@link Table}: an unclosed quote, a row with the wrong number of
 * fields, or a value that does not fit its column's type. Names the source, line, column and value;
 * a {@link CsvFormatException}, whose message it shares.
 */
public final class CsvParseException extends CsvFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * An error at {@code line} (1-based, the header is line 1) of {@code source}, in {@code column}
   * (empty when the whole row is at fault) holding {@code value} (empty when none).
   */
  public CsvParseException(String source, long line, String column, String value, String problem) {
    super(source, line, column, value, problem);
  }

  /** The file (or source name) that failed; the same as {@link #file()}. */
  public String source() {
    return file();
  }
}
