package dev.bankml.spark;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * bankml {@link Table}s as Spark rows and back: numbers as doubles (a missing value, NaN in a
 * table, is null), categories as strings, dates as dates, booleans as booleans.
 */
final class TableRows {
  private TableRows() {}

  /** The Spark schema of {@code table}'s columns, minus {@code drop}. */
  static StructType schema(Table table, List<String> drop) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : table.columns()) {
      if (!drop.contains(c.name())) {
        fields.add(DataTypes.createStructField(c.name(), type(c), true));
      }
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType type(Column c) {
    if (c instanceof NumericColumn) {
      return DataTypes.DoubleType;
    }
    if (c instanceof DateColumn) {
      return DataTypes.DateType;
    }
    return c instanceof BooleanColumn ? DataTypes.BooleanType : DataTypes.StringType;
  }

  /** The rows of {@code table} in {@code schema}'s columns. */
  static List<Row> rows(Table table, StructType schema) {
    String[] names = schema.fieldNames();
    Column[] cols = new Column[names.length];
    for (int k = 0; k < names.length; k++) {
      cols[k] = table.column(names[k]);
    }
    List<Row> out = new ArrayList<>(table.rows());
    for (int i = 0; i < table.rows(); i++) {
      Object[] v = new Object[cols.length];
      for (int k = 0; k < cols.length; k++) {
        Column c = cols[k];
        if (c.isMissing(i)) {
          v[k] = null;
        } else if (c instanceof NumericColumn n) {
          v[k] = n.get(i);
        } else if (c instanceof DateColumn d) {
          v[k] = d.date(i).orElseThrow();
        } else if (c instanceof CategoricalColumn s) {
          v[k] = s.level(i).orElseThrow();
        } else {
          v[k] = c.value(i).orElseThrow();
        }
      }
      out.add(RowFactory.create(v));
    }
    return out;
  }

  /** A table of {@code rows} with {@code schema}'s columns; nulls are missing values. */
  static Table table(List<Row> rows, StructType schema) {
    List<Column> cols = new ArrayList<>();
    StructField[] fields = schema.fields();
    for (int k = 0; k < fields.length; k++) {
      String name = fields[k].name();
      DataType t = fields[k].dataType();
      int at = k;
      if (t.equals(DataTypes.StringType)) {
        cols.add(CategoricalColumn.of(name, rows.stream().map(r -> r.isNullAt(at) ? null : r.getString(at)).toArray(String[]::new)));
      } else if (t.equals(DataTypes.DateType)) {
        cols.add(DateColumn.ofEpochDays(name, rows.stream().mapToLong(r -> r.isNullAt(at) ? DateColumn.MISSING
            : Records.date(r, name).toEpochDay()).toArray()));
      } else if (t.equals(DataTypes.BooleanType)) {
        cols.add(NumericColumn.wrap(name, rows.stream().mapToDouble(r -> r.isNullAt(at) ? Double.NaN : r.getBoolean(at) ? 1 : 0).toArray()));
      } else {
        cols.add(NumericColumn.wrap(name, rows.stream().mapToDouble(r -> r.isNullAt(at) ? Double.NaN
            : ((Number) r.get(at)).doubleValue()).toArray()));
      }
    }
    return Table.of(cols);
  }

}
