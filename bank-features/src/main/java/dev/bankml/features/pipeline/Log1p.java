package dev.bankml.features.pipeline;

import java.util.ArrayList;

import dev.bankml.features.table.NumericColumn;

import dev.bankml.features.table.Column;

import dev.bankml.features.table.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signed log transform sign(x)·log(1 + |x|) of numeric columns: log1p for the non-negative
 * amounts it is meant for, and still defined for negative values. Needs no fitting; the fitted
 * form lists the concrete columns.
 *
 * @param columns the selection (as given to the spec)
 * @param names the concrete columns (empty in the spec, filled when fitted)
 */
public record Log1p(Columns columns, List<String> names) implements Step, FittedStep {
  /** Copies the names. */
  public Log1p {
    Objects.requireNonNull(columns, "columns");
    names = List.copyOf(names);
  }

  /** The transform of {@code columns}. */
  public static Log1p of(Columns columns) {
    return new Log1p(columns, List.of());
  }

  @Override
  public Log1p fit(FitContext ctx) {
    List<String> resolved = ctx.resolve(columns);
    return new Log1p(Columns.named(resolved.toArray(String[]::new)), resolved);
  }

  @Override
  public Table apply(Table t) {
    List<Column> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String name : names) {
      double[] v = Work.numbers(t, name);
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.copySign(Math.log1p(Math.abs(v[i])), v[i]);
      }
      added.add(NumericColumn.wrap(name, v));
    }
    return (dropped.isEmpty() ? t : t.without(dropped.toArray(String[]::new))).with(added);
  }

  @Override
  public List<String> inputs() {
    return names;
  }

  @Override
  public Map<String, String> created() {
    return Map.of();
  }

  @Override
  public List<String> encodings() {
    return List.of();
  }
}
