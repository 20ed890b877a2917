package dev.bankml.features.table;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A column of calendar dates stored as epoch days; {@link #MISSING} marks a missing value. */
public final class DateColumn implements Column {
  /** Stored epoch day of a missing row. */
  public static final long MISSING = Long.MIN_VALUE;

  private final String name;
  private final long[] days;

  private DateColumn(String name, long[] days) {
    this.name = Objects.requireNonNull(name, "name");
    this.days = days;
  }

  /**
   * The yyyy-MM-dd date (or the date part of an ISO date-time) in {@code text}, read as CSV files'
   * date columns are read; empty when {@code text} has another shape.
   *
   * @throws java.time.DateTimeException when it has the shape but no such day exists (2024-02-30)
   */
  public static Optional<LocalDate> parse(String text) {
    return Values.localDate(text);
  }

  /** A column of {@code dates} with no missing values. */
  public static DateColumn of(String name, LocalDate... dates) {
    long[] d = new long[dates.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = dates[i].toEpochDay();
    }
    return new DateColumn(name, d);
  }

  /** A column over epoch days (copied); {@link #MISSING} marks missing rows. */
  public static DateColumn ofEpochDays(String name, long... epochDays) {
    return new DateColumn(name, epochDays.clone());
  }

  static DateColumn wrap(String name, long[] epochDays) {
    return new DateColumn(name, epochDays);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.DATE;
  }

  @Override
  public int size() {
    return days.length;
  }

  /** The epoch day at {@code row}, or {@link #MISSING}. */
  public long epochDay(int row) {
    return days[row];
  }

  /** The date at {@code row}, or empty when missing. */
  public Optional<LocalDate> date(int row) {
    return isMissing(row) ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(days[row]));
  }

  @Override
  public boolean isMissing(int row) {
    return days[row] == MISSING;
  }

  @Override
  public Optional<Object> value(int row) {
    return date(row).map(d -> d);
  }

  @Override
  public DateColumn select(int[] rows) {
    long[] v = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      v[i] = days[rows[i]];
    }
    return new DateColumn(name, v);
  }

  @Override
  public DateColumn withName(String newName) {
    return new DateColumn(newName, days);
  }

  @Override
  public String toString() {
    return "DateColumn[" + name + ", " + days.length + " rows]";
  }
}
