package dev.bankml.features.table;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A column of doubles; NaN marks a missing value, and infinities are stored as missing. */
public final class NumericColumn implements Column {
  private final String name;
  private final double[] values;

  private NumericColumn(String name, double[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.values = values;
  }

  /** A column over a copy of {@code values}; NaN and infinities become missing. */
  public static NumericColumn of(String name, double... values) {
    return wrap(name, values.clone());
  }

  /**
   * A column over {@code values} without a copy (the caller must not modify it afterwards); the
   * array's infinities are replaced by NaN in place.
   */
  public static NumericColumn wrap(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        values[i] = Double.NaN;
      }
    }
    return new NumericColumn(name, values);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The value at {@code row}; NaN when missing. */
  public double get(int row) {
    return values[row];
  }

  /** A copy of all values. */
  public double[] toArray() {
    return values.clone();
  }

  /** The backing array, read only: writing to it breaks immutability. */
  public double[] values() {
    return values;
  }

  /** The non-missing values, sorted ascending. */
  public double[] sortedPresent() {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  @Override
  public Optional<Object> value(int row) {
    return isMissing(row) ? Optional.empty() : Optional.of(values[row]);
  }

  @Override
  public String text(int row) {
    if (isMissing(row)) {
      return "";
    }
    double v = values[row];
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public NumericColumn select(int[] rows) {
    double[] v = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      v[i] = values[rows[i]];
    }
    return new NumericColumn(name, v);
  }

  @Override
  public NumericColumn withName(String newName) {
    return new NumericColumn(newName, values);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + values.length + " rows]";
  }
}
