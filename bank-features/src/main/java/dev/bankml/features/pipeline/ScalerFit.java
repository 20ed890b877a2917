package dev.bankml.features.pipeline;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted scaling: x' = (x - center) / scale per column. */
public record ScalerFit(Scale.Kind kind, Map<String, Double> center, Map<String, Double> scale) implements FittedStep {
  /** Copies the maps. */
  public ScalerFit {
    center = Collections.unmodifiableMap(new LinkedHashMap<>(center));
    scale = Collections.unmodifiableMap(new LinkedHashMap<>(scale));
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    for (Map.Entry<String, Double> e : center.entrySet()) {
      double c = e.getValue();
      double s = scale.get(e.getKey());
      double[] v = Work.numbers(t, e.getKey());
      for (int i = 0; i < v.length; i++) {
        v[i] = (v[i] - c) / s;
      }
      added.add(NumericColumn.wrap(e.getKey(), v));
    }
    return t.with(added);
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(center.keySet());
  }
}
