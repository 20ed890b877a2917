package dev.bankml.features.view;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the columns of a view, in order, with their roles. */
final class ViewBuilder {
  private final List<Column> columns = new ArrayList<>();
  private final Map<String, ColumnRole> roles = new LinkedHashMap<>();

  ViewBuilder numeric(String name, double[] values) {
    return add(NumericColumn.wrap(name, values));
  }

  ViewBuilder numeric(String name, double[] values, ColumnRole role) {
    return add(NumericColumn.wrap(name, values), role);
  }

  ViewBuilder categorical(String name, String[] values) {
    return add(CategoricalColumn.of(name, values));
  }

  ViewBuilder categorical(String name, String[] values, ColumnRole role) {
    return add(CategoricalColumn.of(name, values), role);
  }

  ViewBuilder date(String name, long[] epochDays, ColumnRole role) {
    return add(DateColumn.ofEpochDays(name, epochDays), role);
  }

  private ViewBuilder add(Column column, ColumnRole role) {
    roles.put(column.name(), role);
    return add(column);
  }

  private ViewBuilder add(Column column) {
    columns.add(column);
    return this;
  }

  Table build() {
    return Table.of(columns).withRoles(roles);
  }
}
