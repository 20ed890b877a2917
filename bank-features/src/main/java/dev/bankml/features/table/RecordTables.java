package dev.bankml.features.table;

import dev.bankml.data.BankmlException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns maps (live records) into tables, either by inferring types or by a given schema. */
final class RecordTables {
  /** Text that means "no value" in a record, as in CSV loading's defaults. */
  static final Set<String> MISSING_TEXT = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

  private RecordTables() {}

  static Table infer(List<? extends Map<String, ?>> records) {
    Map<String, ColumnType> schema = new LinkedHashMap<>();
    for (Map<String, ?> r : records) {
      r.forEach((k, v) -> {
        Object u = unwrap(v);
        if (u != null && !schema.containsKey(k)) {
          schema.put(k, typeOf(u));
        } else if (u == null) {
          schema.putIfAbsent(k, null);
        }
      });
    }
    schema.replaceAll((k, t) -> t == null ? ColumnType.NUMERIC : t);
    return typed(records, schema);
  }

  private static ColumnType typeOf(Object v) {
    if (v instanceof Number) {
      return ColumnType.NUMERIC;
    }
    if (v instanceof Boolean) {
      return ColumnType.BOOLEAN;
    }
    if (v instanceof LocalDate || v instanceof LocalDateTime) {
      return ColumnType.DATE;
    }
    String s = v.toString().trim();
    if (MISSING_TEXT.contains(s)) {
      return ColumnType.NUMERIC;
    }
    return Values.isNumber(s) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  static Table typed(List<? extends Map<String, ?>> records, Map<String, ColumnType> schema) {
    int n = records.size();
    List<Column> cols = new ArrayList<>(schema.size());
    for (Map.Entry<String, ColumnType> e : schema.entrySet()) {
      String name = e.getKey();
      switch (e.getValue()) {
        case NUMERIC -> {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = number(name, records.get(i).get(name));
          }
          cols.add(NumericColumn.wrap(name, v));
        }
        case CATEGORICAL -> {
          Map<String, Integer> dict = new HashMap<>();
          List<String> levels = new ArrayList<>();
          int[] codes = new int[n];
          for (int i = 0; i < n; i++) {
            String s = text(records.get(i).get(name));
            codes[i] = s == null ? CategoricalColumn.MISSING : dict.computeIfAbsent(s, k -> {
              levels.add(k);
              return levels.size() - 1;
            });
          }
          cols.add(CategoricalColumn.wrap(name, codes, levels));
        }
        case BOOLEAN -> {
          byte[] b = new byte[n];
          for (int i = 0; i < n; i++) {
            b[i] = bool(name, records.get(i).get(name));
          }
          cols.add(BooleanColumn.wrap(name, b));
        }
        case DATE -> {
          long[] d = new long[n];
          for (int i = 0; i < n; i++) {
            d[i] = date(name, records.get(i).get(name));
          }
          cols.add(DateColumn.wrap(name, d));
        }
      }
    }
    if (cols.isEmpty() && n > 0) {
      throw new IllegalArgumentException("records have no fields to make columns from");
    }
    return Table.of(cols);
  }

  private static Object unwrap(Object v) {
    if (v instanceof Optional<?> o) {
      return o.orElse(null);
    }
    return v;
  }

  private static String text(Object raw) {
    Object v = unwrap(raw);
    if (v == null) {
      return null;
    }
    String s = v instanceof Enum<?> en ? en.name() : v.toString().trim();
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    return MISSING_TEXT.contains(s) ? null : s;
  }

  static double number(String field, Object raw) {
    Object v = unwrap(raw);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number num) {
      double d = num.doubleValue();
      return Double.isFinite(d) ? d : Double.NaN;
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    String s = v.toString().trim();
    if (MISSING_TEXT.contains(s)) {
      return Double.NaN;
    }
    try {
      return Values.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ColumnTypeException(
          "field '" + field + "': value '" + BankmlException.clip(s) + "' is not a number; expected a decimal like 1234.5, or empty for missing");
    }
  }

  private static byte bool(String field, Object raw) {
    Object v = unwrap(raw);
    if (v == null) {
      return BooleanColumn.MISSING;
    }
    if (v instanceof Boolean b) {
      return (byte) (b ? 1 : 0);
    }
    if (v instanceof Number num) {
      double d = num.doubleValue();
      if (d == 0 || d == 1) {
        return (byte) d;
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return BooleanColumn.MISSING;
      }
    }
    String s = v.toString().trim();
    if (MISSING_TEXT.contains(s)) {
      return BooleanColumn.MISSING;
    }
    int p = "1".equals(s) ? 1 : "0".equals(s) ? 0 : Values.parseBoolean(s);
    if (p < 0) {
      throw new ColumnTypeException(
          "field '" + field + "': value '" + BankmlException.clip(s) + "' is not a boolean; expected true/false, yes/no or 1/0");
    }
    return (byte) p;
  }

  private static long date(String field, Object raw) {
    Object v = unwrap(raw);
    if (v == null) {
      return DateColumn.MISSING;
    }
    if (v instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (v instanceof LocalDateTime dt) {
      return dt.toLocalDate().toEpochDay();
    }
    String s = v.toString().trim();
    if (MISSING_TEXT.contains(s)) {
      return DateColumn.MISSING;
    }
    long d = Values.parseDate(s);
    if (d == DateColumn.MISSING) {
      throw new ColumnTypeException(
          "field '" + field + "': value '" + BankmlException.clip(s) + "' is not a date; expected yyyy-MM-dd");
    }
    return d;
  }
}
