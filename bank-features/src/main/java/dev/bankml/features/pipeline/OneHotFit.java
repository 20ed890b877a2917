package dev.bankml.features.pipeline;

import dev.bankml.features.table.NumericColumn;

import dev.bankml.features.table.Column;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted one-hot encoding: the kept levels per column; everything else goes to {@code (other)}. */
public record OneHotFit(Map<String, List<String>> levels) implements FittedStep {
  /** The suffix level of the column that receives rare and unseen levels. */
  public static final String OTHER = "(other)";

  /** Copies the map. */
  public OneHotFit {
    Map<String, List<String>> m = new LinkedHashMap<>();
    levels.forEach((k, v) -> m.put(k, List.copyOf(v)));
    levels = Collections.unmodifiableMap(m);
  }

  static String featureName(String column, String level) {
    return column + "=" + level;
  }

  @Override
  public Table apply(Table t) {
    List<Column> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : levels.entrySet()) {
      String name = e.getKey();
      List<String> kept = e.getValue();
      CategoricalColumn c = Work.categories(t, name);
      // map this table's codes to output slots once; slot kept.size() is (other)
      int[] slot = new int[c.levels().size()];
      for (int i = 0; i < slot.length; i++) {
        int k = kept.indexOf(c.levels().get(i));
        slot[i] = k >= 0 ? k : kept.size();
      }
      double[][] cols = new double[kept.size() + 1][t.rows()];
      for (int r = 0; r < t.rows(); r++) {
        int code = c.code(r);
        if (code >= 0) {
          cols[slot[code]][r] = 1.0;
        }
      }
      dropped.add(name);
      for (int k = 0; k < kept.size(); k++) {
        added.add(NumericColumn.wrap(featureName(name, kept.get(k)), cols[k]));
      }
      added.add(NumericColumn.wrap(featureName(name, OTHER), cols[kept.size()]));
    }
    return (dropped.isEmpty() ? t : t.without(dropped.toArray(String[]::new))).with(added);
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(levels.keySet());
  }

  @Override
  public Map<String, String> created() {
    Map<String, String> m = new LinkedHashMap<>();
    levels.forEach((c, lv) -> {
      lv.forEach(l -> m.put(featureName(c, l), c));
      m.put(featureName(c, OTHER), c);
    });
    return m;
  }

  @Override
  public List<String> encodings() {
    return new ArrayList<>(created().keySet());
  }
}
