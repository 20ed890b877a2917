package dev.bankml.data.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one table to a UTF-8 CSV file, row by row, with the table's header. Memory stays bounded
 * whatever the number of rows. Not thread-safe.
 */
public final class TableWriter<T> implements AutoCloseable {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final BankTable<T> table;
  private final Path file;
  private final OutputStream bytes;
  private final CSVPrinter printer;
  private long rows;

  private TableWriter(BankTable<T> table, Path file, boolean large) throws IOException {
    this.table = table;
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.bytes = large ? UncachedFileOutput.open(file) : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
    this.printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(table.columns());
  }

  /** Opens {@code file} (creating parent directories, replacing an existing file) and writes the header. */
  public static <T> TableWriter<T> open(BankTable<T> table, Path file) {
    return open(table, file, false);
  }

  private static <T> TableWriter<T> open(BankTable<T> table, Path file, boolean large) {
    try {
      return new TableWriter<>(table, file, large);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens the table's file inside the bank directory {@code dir}. */
  public static <T> TableWriter<T> openIn(BankTable<T> table, Path dir) {
    return open(table, dir.resolve(table.fileName()));
  }

  /**
   * Like {@link #openIn} for a file of gigabytes written once in large pieces ({@link #write(CsvText)}),
   * such as a generated bank's: where the file system allows it the bytes bypass the page cache (direct
   * I/O, written in aligned blocks), which on some virtual machines costs less CPU than the cache's
   * fresh pages; elsewhere it writes as {@link #openIn} does. The file's bytes are the same.
   */
  public static <T> TableWriter<T> openLargeIn(BankTable<T> table, Path dir) {
    return open(table, dir.resolve(table.fileName()), true);
  }

  /** Writes one record. */
  public void write(T record) {
    writeCells(table.format(record));
  }

  /**
   * Writes one row of already formatted cells (from {@link BankTable#format}, possibly altered, e.g.
   * to inject messy values); an empty string is a missing value.
   */
  public void writeCells(String... cells) {
    if (cells.length != table.columns().size()) {
      throw new IllegalArgumentException(
          "expected " + table.columns().size() + " cells for " + table + ", got " + cells.length);
    }
    try {
      printer.printRecord((Object[]) cells);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the rows rendered in {@code text}, as they are. */
  public void write(CsvText text) {
    try {
      printer.flush(); // rows written as cells go first; then the rendered bytes, without decoding them
      text.writeTo(bytes);
      this.rows += text.rows();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The number of data rows written so far. */
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
