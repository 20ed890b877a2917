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

/**
 * Fitted encoding of categorical columns (see {@link OneHot}): the levels that get a column, per
 * input column. One-hot coding sends everything else to {@code (other)}; dummy coding leaves it
 * implicit (all zeros).
 */
public record OneHotFit(Map<String, List<String>> levels, OneHot.Coding coding) implements FittedStep {
  /** The suffix level of the column that receives rare and unseen levels. */
  public static final String OTHER = "(other)";

  /** Copies the map; no coding (a pipeline written before codings existed) is one-hot. */
  public OneHotFit {
    Map<String, List<String>> m = new LinkedHashMap<>();
    levels.forEach((k, v) -> m.put(k, List.copyOf(v)));
    levels = Collections.unmodifiableMap(m);
    coding = coding == null ? OneHot.Coding.ONE_HOT : coding;
  }

  /** One-hot coding of {@code levels}. */
  public OneHotFit(Map<String, List<String>> levels) {
    this(levels, OneHot.Coding.ONE_HOT);
  }

  static String featureName(String column, String level) {
    return column + "=" + level;
  }

  @Override
  public Table transform(Table t) {
    return coding == OneHot.Coding.DUMMY ? dummies(t) : oneHot(t);
  }

  /** Indicators of the kept levels in place of each column; NaN where the column is missing. */
  private Table dummies(Table t) {
    List<Column> added = new ArrayList<>();
    Map<String, List<String>> replacing = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : levels.entrySet()) {
      String name = e.getKey();
      CategoricalColumn c = Work.categories(t, name);
      List<String> names = new ArrayList<>();
      for (String level : e.getValue()) {
        int code = c.levels().indexOf(level);
        double[] v = new double[t.rows()];
        for (int r = 0; r < v.length; r++) {
          int k = c.code(r);
          v[r] = k == CategoricalColumn.MISSING ? Double.NaN : k == code ? 1.0 : 0.0;
        }
        added.add(NumericColumn.wrap(featureName(name, level), v));
        names.add(featureName(name, level));
      }
      replacing.put(name, names);
    }
    List<String> order = new ArrayList<>();
    for (String name : t.columnNames()) {
      order.addAll(replacing.getOrDefault(name, List.of(name)));
    }
    // a column absent from the table still gets its (all missing) indicators, at the end
    replacing.forEach((name, names) -> {
      if (!t.has(name)) {
        order.addAll(names);
      }
    });
    return t.with(added).select(order);
  }

  private Table oneHot(Table t) {
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
      if (coding == OneHot.Coding.ONE_HOT) {
        m.put(featureName(c, OTHER), c);
      }
    });
    return m;
  }

  @Override
  public List<String> encodings() {
    return new ArrayList<>(created().keySet());
  }
}
