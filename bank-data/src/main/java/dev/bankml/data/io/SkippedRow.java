package dev.bankml.data.io;

/** A row a lenient reader skipped, with the reason. */
public record SkippedRow(String file, long line, String column, String value, String problem) {

  static SkippedRow of(CsvFormatException e) {
    return new SkippedRow(e.file(), e.line(), e.column(), e.value(), e.problem());
  }

  @Override
  public String toString() {
    return file + ", line " + line + (column.isEmpty() ? "" : ", column '" + column + "'") + ": " + problem;
  }
}
