package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted ordinal encoding: the level order per column; unknown and missing levels become NaN. */
public record OrdinalFit(Map<String, List<String>> order) implements FittedStep {
  /** Copies the map. */
  public OrdinalFit {
    Map<String, List<String>> m = new LinkedHashMap<>();
    order.forEach((k, v) -> m.put(k, List.copyOf(v)));
    order = Collections.unmodifiableMap(m);
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : order.entrySet()) {
      CategoricalColumn c = Work.categories(t, e.getKey());
      double[] pos = new double[c.levels().size()];
      for (int i = 0; i < pos.length; i++) {
        int k = e.getValue().indexOf(c.levels().get(i));
        pos[i] = k >= 0 ? k : Double.NaN;
      }
      double[] v = new double[t.rows()];
      for (int r = 0; r < v.length; r++) {
        int code = c.code(r);
        v[r] = code < 0 ? Double.NaN : pos[code];
      }
      added.add(NumericColumn.wrap(e.getKey(), v));
    }
    return t.with(added);
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(order.keySet());
  }
}
