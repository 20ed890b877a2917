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
    columns.add(NumericColumn.wrap(name, values));
    return this;
  }

  ViewBuilder numeric(String name, double[] values, ColumnRole role) {
    roles.put(name, role);
    return numeric(name, values);
  }

  ViewBuilder categorical(String name, String[] values) {
    columns.add(CategoricalColumn.of(name, values));
    return this;
  }

  ViewBuilder categorical(String name, String[] values, ColumnRole role) {
    roles.put(name, role);
    return categorical(name, values);
  }

  ViewBuilder date(String name, long[] epochDays, ColumnRole role) {
    roles.put(name, role);
    columns.add(DateColumn.ofEpochDays(name, epochDays));
    return this;
  }

  Table build() {
    return Table.of(columns).withRoles(roles);
  }
}
