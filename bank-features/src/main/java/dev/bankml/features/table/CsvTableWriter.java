package dev.bankml.features.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Table} as CSV (UTF-8, comma, header row, missing values as empty fields, ISO-8601
 * dates, {@code .} decimals) that {@link CsvTableReader#defaults()} reads back to the same values.
 * The file is written to a temporary sibling and moved into place, so readers never see half a file.
 */
public final class CsvTableWriter {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

  private CsvTableWriter() {}

  /** Writes {@code table} to {@code file}, replacing it. */
  public static void write(Table table, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        write(table, w);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
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
