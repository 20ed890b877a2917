package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One-hot encoding: one 0/1 column {@code <column>=<level>} per training level seen at least
 * {@code minFrequency} (share of rows), plus {@code <column>=(other)} for rarer levels and for
 * levels never seen in training. A missing value (when not imputed first) is all zeros.
 */
public record OneHot(Columns columns, double minFrequency) implements Step {
  /** Checks the settings. */
  public OneHot {
    Objects.requireNonNull(columns, "columns");
    if (!(minFrequency >= 0 && minFrequency < 1)) {
      throw new IllegalArgumentException("minFrequency is a share of rows in [0, 1), was " + minFrequency);
    }
  }

  /** One-hot encoding of {@code columns} keeping every level. */
  public static OneHot of(Columns columns) {
    return new OneHot(columns, 0.0);
  }

  /** The same encoding keeping only levels with at least this share of training rows. */
  public OneHot minFrequency(double share) {
    return new OneHot(columns, share);
  }

  @Override
  public OneHotFit fit(FitContext ctx) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      CategoricalColumn c = Work.categories(ctx.table(), name);
      int[] counts = c.counts();
      double min = minFrequency * ctx.table().rows();
      List<String> levels = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0 && counts[i] >= min) {
          levels.add(c.levels().get(i));
        }
      }
      kept.put(name, levels);
    }
    return new OneHotFit(kept);
  }
}
