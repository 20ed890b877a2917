package dev.bankml.features.table;

import java.util.Objects;
import java.util.Optional;

/** A column of true/false values with an explicit missing state. */
public final class BooleanColumn implements Column {
  /** Stored value of a missing row. */
  static final byte MISSING = -1;

  private final String name;
  private final byte[] values;

  private BooleanColumn(String name, byte[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.values = values;
  }

  /** A column with no missing values. */
  public static BooleanColumn of(String name, boolean... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (values[i] ? 1 : 0);
    }
    return new BooleanColumn(name, b);
  }

  /** A column from states: 1 true, 0 false, -1 missing (copied). */
  public static BooleanColumn ofStates(String name, byte... states) {
    for (byte s : states) {
      if (s < -1 || s > 1) {
        throw new IllegalArgumentException("column " + name + ": state " + s + " is not -1, 0 or 1");
      }
    }
    return new BooleanColumn(name, states.clone());
  }

  static BooleanColumn wrap(String name, byte[] states) {
    return new BooleanColumn(name, states);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOLEAN;
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The state at {@code row}: 1 true, 0 false, -1 missing. */
  public int state(int row) {
    return values[row];
  }

  /** The value at {@code row} as 1.0 / 0.0, or NaN when missing. */
  public double asDouble(int row) {
    byte b = values[row];
    return b == MISSING ? Double.NaN : b;
  }

  @Override
  public boolean isMissing(int row) {
    return values[row] == MISSING;
  }

  @Override
  public Optional<Object> value(int row) {
    return isMissing(row) ? Optional.empty() : Optional.of(values[row] == 1);
  }

  @Override
  public BooleanColumn select(int[] rows) {
    byte[] v = new byte[rows.length];
    for (int i = 0; i < rows.length; i++) {
      v[i] = values[rows[i]];
    }
    return new BooleanColumn(name, v);
  }

  @Override
  public BooleanColumn withName(String newName) {
    return new BooleanColumn(newName, values);
  }

  @Override
  public String toString() {
    return "BooleanColumn[" + name + ", " + values.length + " rows]";
  }
}
