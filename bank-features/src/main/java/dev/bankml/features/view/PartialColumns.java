package dev.bankml.features.view;

import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.PartialRecord;
import dev.bankml.data.domain.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * View columns from records that may have had blank cells: a blank number becomes NaN and a blank
 * category the empty string (the missing code of a categorical column), never the reader's stand-in.
 */
final class PartialColumns {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PartialColumns.class);

  private PartialColumns() {}

  /** Records of an in-memory bank, which have no blank cells. */
  static <T> List<PartialRecord<T>> complete(List<T> records, BankTable<T> table) {
    return records.stream().map(r -> PartialRecord.complete(r, table)).toList();
  }

  /** The records, stand-ins included: only for fields that can never be blank. */
  static <T> List<T> records(List<PartialRecord<T>> rows) {
    return rows.stream().map(PartialRecord::record).toList();
  }

  /** Whether {@code column} of {@code row} was blank; cheap when the row has no blank at all. */
  static boolean isBlank(PartialRecord<?> row, String column) {
    return row.hasBlanks() && row.isBlank(column);
  }

  /** {@code field} of every row, NaN where {@code column} was blank. */
  static <T> double[] numbers(List<PartialRecord<T>> rows, String column, ToDoubleFunction<T> field) {
    double[] v = new double[rows.size()];
    for (int i = 0; i < v.length; i++) {
      PartialRecord<T> row = rows.get(i);
      v[i] = isBlank(row, column) ? Double.NaN : field.applyAsDouble(row.record());
    }
    return v;
  }

  /** {@code field} of every row, empty (missing) where {@code column} was blank. */
  static <T> String[] texts(List<PartialRecord<T>> rows, String column, Function<T, String> field) {
    String[] v = new String[rows.size()];
    for (int i = 0; i < v.length; i++) {
      PartialRecord<T> row = rows.get(i);
      v[i] = isBlank(row, column) ? "" : field.apply(row.record());
    }
    return v;
  }

  /** The transactions of a bank directory, streamed; close the stream. Skipped rows (lenient) are logged. */
  static Stream<PartialRecord<Transaction>> transactions(BankCsvReader reader, Path bankDir) {
    return reader.streamPartial(BankTable.TRANSACTIONS, bankDir.resolve(BankFiles.TRANSACTIONS),
        s -> LOG.warn("skipped {}", s));
  }
}
