package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.features.woe.WoeTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted WoE encoding: the binning table (with IV) per column. */
public record WoeFit(Map<String, WoeTable> tables) implements FittedStep {
  /** Copies the map. */
  public WoeFit {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  static String featureName(String column) {
    return column + "_woe";
  }

  /** Information value per column, highest first. */
  public Map<String, Double> informationValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    tables.values().stream()
        .sorted((a, b) -> Double.compare(b.iv(), a.iv()))
        .forEach(w -> m.put(w.column(), w.iv()));
    return m;
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, WoeTable> e : tables.entrySet()) {
      String name = e.getKey();
      WoeTable w = e.getValue();
      double[] v = new double[t.rows()];
      if (w.numeric()) {
        double[] x = Work.numbers(t, name);
        for (int i = 0; i < v.length; i++) {
          v[i] = w.woe(x[i]);
        }
      } else {
        CategoricalColumn c = Work.categories(t, name);
        double[] byCode = new double[c.levels().size()];
        for (int k = 0; k < byCode.length; k++) {
          byCode[k] = w.woe(java.util.Optional.of(c.levels().get(k)));
        }
        double miss = w.woe(java.util.Optional.empty());
        for (int i = 0; i < v.length; i++) {
          v[i] = c.code(i) < 0 ? miss : byCode[c.code(i)];
        }
      }
      dropped.add(name);
      added.add(NumericColumn.wrap(featureName(name), v));
    }
    return (dropped.isEmpty() ? t : t.without(dropped.toArray(String[]::new))).with(added);
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(tables.keySet());
  }

  @Override
  public Map<String, String> created() {
    Map<String, String> m = new LinkedHashMap<>();
    tables.keySet().forEach(c -> m.put(featureName(c), c));
    return m;
  }

  @Override
  public List<String> encodings() {
    return new ArrayList<>(created().keySet());
  }

}
