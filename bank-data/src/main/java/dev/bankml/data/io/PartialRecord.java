package dev.bankml.data.io;

import java.util.List;
import java.util.Objects;

/**
 * A record read from one CSV row in which some cells may have been blank. In a blank column the
 * record holds a valid stand-in value that means nothing: read that field only when
 * {@link #isBlank} says it was present. Returned by {@link BankCsvReader#readPartial} and
 * {@link BankCsvReader#streamPartial}.
 *
 * @param record the record, with stand-ins in the blank columns
 * @param table the table the row belongs to
 * @param blankMask one bit per column of {@code table} (in {@link BankTable#columns()} order), set
 *     where the cell was blank
 */
public record PartialRecord<T>(T record, BankTable<T> table, long blankMask) {

  /** Checks that record and table are present. */
  public PartialRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(table, "table");
  }

  /** A record read with every cell present. */
  public static <T> PartialRecord<T> complete(T record, BankTable<T> table) {
    return new PartialRecord<>(record, table, 0L);
  }

  /** Whether the cell of {@code column} was blank; throws IllegalArgumentException for a column the table lacks. */
  public boolean isBlank(String column) {
    long bit = table.bit(column);
    return (blankMask & bit) != 0;
  }

  /** Whether any cell was blank. */
  public boolean hasBlanks() {
    return blankMask != 0;
  }

  /** The blank columns, in table order. */
  public List<String> blankColumns() {
    return table.columns().stream().filter(this::isBlank).toList();
  }
}
