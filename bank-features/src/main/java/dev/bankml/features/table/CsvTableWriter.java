package dev.bankml.features.table;

import java.io.IOException;
import dev.bankml.data.io.AtomicFile;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Table} as CSV (UTF-8, comma, header row, missing values as empty fields, ISO-8601
 * dates, {@code .} decimals) that {@link CsvTableReader#defaults()} reads back to the same values.
 * The file is written through {@link AtomicFile}, so readers never see half a file.
 */
public final class CsvTableWriter {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

  private CsvTableWriter() {}

  /**
   * Writes {@code table} to {@code file}, replacing it atomically ({@link AtomicFile}).
   *
   * @throws dev.bankml.data.io.OutputFileException naming the file if it cannot be written
   */
  public static void write(Table table, Path file) {
    AtomicFile.writeText(file, w -> write(table, w));
  }

  /** Writes {@code table} as CSV text to {@code out} (not closed). */
  public static void write(Table table, Appendable out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(table.columnNames());
    Object[] row = new Object[table.columns().size()];
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < row.length; c++) {
        row[c] = table.columns().get(c).text(r);
      }
      printer.printRecord(row);
    }
    printer.flush();
  }
}
