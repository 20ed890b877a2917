package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ordinal encoding: each level becomes its position in an order (0, 1, 2, …), either given (for
 * ordered categories like loan grades A–G) or the training levels sorted alphabetically. Levels
 * outside the order and missing values become missing (NaN), for a later imputer to fill.
 *
 * @param order the level order per column; columns selected but absent here are sorted alphabetically
 */
public record Ordinal(Columns columns, Map<String, List<String>> order) implements Step {
  /** Copies the order. */
  public Ordinal {
    Objects.requireNonNull(columns, "columns");
    order = Map.copyOf(order);
  }

  /** Ordinal encoding of {@code columns} in alphabetical level order. */
  public static Ordinal of(Columns columns) {
    return new Ordinal(columns, Map.of());
  }

  /** Ordinal encoding of {@code column} in the given level order. */
  public static Ordinal ordered(String column, List<String> levels) {
    return new Ordinal(Columns.named(column), Map.of(column, levels));
  }

  @Override
  public OrdinalFit fit(FitContext ctx) {
    Map<String, List<String>> fitted = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      List<String> given = order.get(name);
      if (given != null) {
        fitted.put(name, List.copyOf(given));
      } else {
        CategoricalColumn c = Work.categories(ctx.table(), name);
        int[] counts = c.counts();
        List<String> lv = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            lv.add(c.levels().get(i));
          }
        }
        lv.sort(null);
        fitted.put(name, lv);
      }
    }
    return new OrdinalFit(fitted);
  }
}
