package dev.bankml.features.pipeline;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted clipping: per column, values below {@code lower} become lower, above {@code upper} become upper. */
public record ClipFit(Map<String, Double> lower, Map<String, Double> upper) implements FittedStep {
  /** Copies the maps. */
  public ClipFit {
    lower = Collections.unmodifiableMap(new LinkedHashMap<>(lower));
    upper = Collections.unmodifiableMap(new LinkedHashMap<>(upper));
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    for (Map.Entry<String, Double> e : lower.entrySet()) {
      double lo = e.getValue();
      double hi = upper.get(e.getKey());
      double[] v = Work.numbers(t, e.getKey());
      for (int i = 0; i < v.length; i++) {
        if (v[i] < lo) {
          v[i] = lo;
        } else if (v[i] > hi) {
          v[i] = hi;
        }
      }
      added.add(NumericColumn.wrap(e.getKey(), v));
    }
    return t.with(added);
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(lower.keySet());
  }
}
