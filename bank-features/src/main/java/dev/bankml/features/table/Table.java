package dev.bankml.features.table;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A columnar, typed, immutable table: numeric, categorical, boolean and date columns, each with an
 * explicit missing state, and a role per column (every column is a {@link ColumnRole#FEATURE}
 * unless said otherwise).
 */
public final class Table {
  private final List<Column> columns;
  private final Map<String, Column> byName;
  private final Map<String, ColumnRole> roles;
  private final int rows;

  private Table(List<Column> columns, Map<String, ColumnRole> roles, int rows) {
    this.columns = List.copyOf(columns);
    Map<String, Column> m = new LinkedHashMap<>(this.columns.size() * 2);
    for (Column c : this.columns) {
      if (m.put(c.name(), c) != null) {
        throw new IllegalArgumentException("column '" + c.name() + "' appears twice; column names must be unique");
      }
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows but the table has " + rows);
      }
    }
    this.byName = Collections.unmodifiableMap(m);
    // only explicitly given roles are stored (shared between derived tables); FEATURE is the default
    this.roles = roles;
    this.rows = rows;
  }

  /** A table of {@code columns} (all of equal size), every column a feature. */
  public static Table of(Column... columns) {
    return of(List.of(columns));
  }

  /** A table of {@code columns} (all of equal size), every column a feature. */
  public static Table of(List<? extends Column> columns) {
    int n = columns.isEmpty() ? 0 : columns.get(0).size();
    return new Table(new ArrayList<>(columns), Map.of(), n);
  }

  /** A builder that adds columns one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A one-row table from a record: numbers become numeric columns, booleans boolean, {@link
   * LocalDate} date, text that reads as a number numeric, anything else categorical (enums by
   * name); null or an empty {@code Optional} is a missing value.
   */
  public static Table fromRecord(Map<String, ?> record) {
    return RecordTables.infer(List.of(record));
  }

  /**
   * A one-row table from a Java record (for example a bank-data domain record): one column per
   * component, named in snake_case ({@code annualIncome} → {@code annual_income}).
   */
  public static Table fromRecord(Record record) {
    return fromRecord(recordToMap(record));
  }

  /**
   * A table with one row per map, typed by {@code schema}: every schema column is present (absent
   * keys are missing values), keys outside the schema are ignored. Text is parsed per type; a
   * value that cannot be read as the column's type raises {@link ColumnTypeException} naming the
   * field and the value; NaN and infinities become missing.
   */
  public static Table fromRecords(List<? extends Map<String, ?>> records, Map<String, ColumnType> schema) {
    return RecordTables.typed(records, schema);
  }

  /** The components of a Java record as a map with snake_case keys, in declaration order. */
  public static Map<String, Object> recordToMap(Record record) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent rc : record.getClass().getRecordComponents()) {
      try {
        m.put(snakeCase(rc.getName()), rc.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read component " + rc.getName() + " of " + record.getClass(), e);
      }
    }
    return m;
  }

  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  /** The column names, in order. */
  public List<String> columnNames() {
    return List.copyOf(byName.keySet());
  }

  /** Whether a column named {@code name} exists. */
  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** The column named {@code name}; throws {@link ColumnNotFoundException} listing the columns when absent. */
  public Column column(String name) {
    Column c = byName.get(name);
    if (c == null) {
      throw new ColumnNotFoundException(name, byName.keySet());
    }
    return c;
  }

  /** The numeric column named {@code name}; throws when absent or of another type. */
  public NumericColumn numeric(String name) {
    return typed(name, NumericColumn.class, ColumnType.NUMERIC);
  }

  /** The categorical column named {@code name}; throws when absent or of another type. */
  public CategoricalColumn categorical(String name) {
    return typed(name, CategoricalColumn.class, ColumnType.CATEGORICAL);
  }

  /** The boolean column named {@code name}; throws when absent or of another type. */
  public BooleanColumn bool(String name) {
    return typed(name, BooleanColumn.class, ColumnType.BOOLEAN);
  }

  /** The date column named {@code name}; throws when absent or of another type. */
  public DateColumn date(String name) {
    return typed(name, DateColumn.class, ColumnType.DATE);
  }

  private <T extends Column> T typed(String name, Class<T> cls, ColumnType type) {
    Column c = column(name);
    if (!cls.isInstance(c)) {
      throw new ColumnTypeException("column '" + name + "' is " + c.type() + ", not " + type);
    }
    return cls.cast(c);
  }

  /** The role of column {@code name}. */
  public ColumnRole role(String name) {
    column(name);
    return roles.getOrDefault(name, ColumnRole.FEATURE);
  }

  /** Every column's role, in column order. */
  public Map<String, ColumnRole> roles() {
    Map<String, ColumnRole> r = new LinkedHashMap<>();
    for (Column c : columns) {
      r.put(c.name(), roles.getOrDefault(c.name(), ColumnRole.FEATURE));
    }
    return Collections.unmodifiableMap(r);
  }

  /** The names of the columns with role {@code role}, in column order. */
  public List<String> namesWithRole(ColumnRole role) {
    return roles().entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).toList();
  }

  /** This table with column {@code name}'s role set to {@code role}. */
  public Table withRole(String name, ColumnRole role) {
    column(name);
    Map<String, ColumnRole> r = new LinkedHashMap<>(roles);
    r.put(name, Objects.requireNonNull(role, "role"));
    return new Table(columns, Collections.unmodifiableMap(r), rows);
  }

  /** This table with each named column's role set; every name must exist. */
  public Table withRoles(Map<String, ColumnRole> newRoles) {
    Map<String, ColumnRole> r = new LinkedHashMap<>(roles);
    newRoles.forEach((name, role) -> {
      column(name);
      r.put(name, role);
    });
    return new Table(columns, Collections.unmodifiableMap(r), rows);
  }

  /** This table with {@code column} added at the end, or replacing the column of the same name in place. */
  public Table with(Column column) {
    if (column.size() != rows && !columns.isEmpty()) {
      throw new IllegalArgumentException(
          "column '" + column.name() + "' has " + column.size() + " rows but the table has " + rows);
    }
    List<Column> cs = new ArrayList<>(columns);
    int i = indexOf(column.name());
    if (i >= 0) {
      cs.set(i, column);
    } else {
      cs.add(column);
    }
    return new Table(cs, roles, columns.isEmpty() ? column.size() : rows);
  }

  /**
   * This table with every column of {@code added} appended, or replacing the column of the same
   * name in place: one new table for many columns.
   */
  public Table with(List<? extends Column> added) {
    List<Column> cs = new ArrayList<>(columns);
    Map<String, Integer> at = new java.util.HashMap<>();
    for (int i = 0; i < cs.size(); i++) {
      at.put(cs.get(i).name(), i);
    }
    int n = columns.isEmpty() && !added.isEmpty() ? added.get(0).size() : rows;
    for (Column c : added) {
      Integer i = at.get(c.name());
      if (i != null) {
        cs.set(i, c);
      } else {
        at.put(c.name(), cs.size());
        cs.add(c);
      }
    }
    return new Table(cs, roles, n);
  }

  /** This table without the named columns (names that do not exist are ignored). */
  public Table without(String... names) {
    Set<String> drop = Set.of(names);
    List<Column> cs = columns.stream().filter(c -> !drop.contains(c.name())).toList();
    return new Table(cs, roles, rows);
  }

  /** This table with only the named columns, in the given order. */
  public Table select(List<String> names) {
    List<Column> cs = new ArrayList<>();
    for (String n : names) {
      cs.add(column(n));
    }
    return new Table(cs, roles, rows);
  }

  /** The rows at {@code indices}, in that order (a row may repeat, as in a bootstrap sample). */
  public Table selectRows(int[] indices) {
    for (int i : indices) {
      if (i < 0 || i >= rows) {
        throw new IndexOutOfBoundsException("row " + i + " is outside 0.." + (rows - 1));
      }
    }
    List<Column> cs = new ArrayList<>(columns.size());
    for (Column c : columns) {
      cs.add(c.select(indices));
    }
    return new Table(cs, roles, indices.length);
  }

  /** The first {@code n} rows (or all when fewer). */
  public Table head(int n) {
    int k = Math.min(n, rows);
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) {
      idx[i] = i;
    }
    return selectRows(idx);
  }

  /** Row {@code row} as a map of column name to plain Java value; missing values are left out. */
  public Map<String, Object> row(int row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : columns) {
      c.value(row).ifPresent(v -> m.put(c.name(), v));
    }
    return m;
  }

  /** Column names and types, in order. */
  public Map<String, ColumnType> schema() {
    Map<String, ColumnType> m = new LinkedHashMap<>();
    columns.forEach(c -> m.put(c.name(), c.type()));
    return m;
  }

  private int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "Table[" + rows + " rows, columns " + schema() + "]";
  }

  /** Adds columns one by one; all must have the same number of rows. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, ColumnRole> roles = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a column. */
    public Builder add(Column column) {
      columns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    /** Adds a column with a role. */
    public Builder add(Column column, ColumnRole role) {
      add(column);
      roles.put(column.name(), role);
      return this;
    }

    /** Adds a numeric column (NaN and infinities are missing). */
    public Builder numeric(String name, double... values) {
      return add(NumericColumn.of(name, values));
    }

    /** Adds a categorical column (empty strings are missing). */
    public Builder categorical(String name, String... values) {
      return add(CategoricalColumn.of(name, values));
    }

    /** Adds a boolean column. */
    public Builder bool(String name, boolean... values) {
      return add(BooleanColumn.of(name, values));
    }

    /** Adds a date column. */
    public Builder date(String name, LocalDate... values) {
      return add(DateColumn.of(name, values));
    }

    /** Sets the role of an added (or later added) column. */
    public Builder role(String name, ColumnRole role) {
      roles.put(name, Objects.requireNonNull(role, "role"));
      return this;
    }

    /** The table; throws when sizes differ, names repeat or a role names no column. */
    public Table build() {
      for (String n : roles.keySet()) {
        if (columns.stream().noneMatch(c -> c.name().equals(n))) {
          throw new ColumnNotFoundException(n, columns.stream().map(Column::name).toList());
        }
      }
      int n = columns.isEmpty() ? 0 : columns.get(0).size();
      return new Table(columns, Collections.unmodifiableMap(new LinkedHashMap<>(roles)), n);
    }
  }
}
