package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted imputation: the fill value per numeric (and boolean) column, the fill level per
 * categorical column, and which columns get a {@code <column>_missing} indicator.
 */
public record ImputationFit(
    Map<String, Double> numeric, Map<String, String> categorical, List<String> indicators, List<String> booleans)
    implements FittedStep {
  /** Copies the collections. */
  public ImputationFit {
    numeric = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
    categorical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    indicators = List.copyOf(indicators);
    booleans = List.copyOf(booleans);
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    for (String name : indicators) {
      double[] flag = new double[t.rows()];
      boolean present = t.has(name);
      for (int i = 0; i < flag.length; i++) {
        flag[i] = !present || t.column(name).isMissing(i) ? 1.0 : 0.0;
      }
      added.add(NumericColumn.wrap(indicatorName(name), flag));
    }
    for (Map.Entry<String, Double> e : numeric.entrySet()) {
      double[] v = Work.numbers(t, e.getKey());
      double fill = e.getValue();
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          v[i] = fill;
        }
      }
      added.add(NumericColumn.wrap(e.getKey(), v));
    }
    for (Map.Entry<String, String> e : categorical.entrySet()) {
      CategoricalColumn c = Work.categories(t, e.getKey());
      List<String> levels = new ArrayList<>(c.levels());
      int fill = levels.indexOf(e.getValue());
      if (fill < 0) {
        levels.add(e.getValue());
        fill = levels.size() - 1;
      }
      int[] codes = c.codes().clone();
      for (int i = 0; i < codes.length; i++) {
        if (codes[i] == CategoricalColumn.MISSING) {
          codes[i] = fill;
        }
      }
      added.add(CategoricalColumn.wrap(e.getKey(), codes, levels));
    }
    return t.with(added);
  }

  static String indicatorName(String column) {
    return column + "_missing";
  }

  @Override
  public List<String> inputs() {
    List<String> in = new ArrayList<>(numeric.keySet());
    in.addAll(categorical.keySet());
    return in;
  }

  @Override
  public Map<String, String> created() {
    Map<String, String> m = new LinkedHashMap<>();
    indicators.forEach(c -> m.put(indicatorName(c), c));
    return m;
  }

  @Override
  public List<String> encodings() {
    List<String> e = new ArrayList<>(created().keySet());
    e.addAll(booleans);
    return e;
  }
}
