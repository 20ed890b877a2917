package dev.bankml.features.pipeline;

import dev.bankml.features.profile.Moments;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * The transform of those of {@code columns} whose skewness (the third standardised moment of the
   * present values) is above {@code limit} in absolute value; the others stay as they are. Fits to
   * a {@link Log1p} naming the skewed columns.
   */
  public static Step whereSkewed(Columns columns, double limit) {
    return new SkewedLog1p(columns, limit);
  }

  /** The spec of {@link #whereSkewed}. */
  record SkewedLog1p(Columns columns, double limit) implements Step {
    SkewedLog1p {
      Objects.requireNonNull(columns, "columns");
      if (!(limit >= 0)) {
        throw new IllegalArgumentException("skewness limit must be at least 0, was " + limit);
      }
    }

    @Override
    public Log1p fit(FitContext ctx) {
      List<String> skewed = new ArrayList<>();
      for (String name : ctx.resolve(columns)) {
        double[] present = Arrays.stream(Work.numbers(ctx.table(), name)).filter(Double::isFinite).toArray();
        if (Math.abs(Moments.of(present).populationSkewness()) > limit) {
          skewed.add(name);
        }
      }
      return new Log1p(Columns.named(skewed.toArray(String[]::new)), skewed);
    }
  }

  @Override
  public Log1p fit(FitContext ctx) {
    List<String> resolved = ctx.resolve(columns);
    return new Log1p(Columns.named(resolved.toArray(String[]::new)), resolved);
  }

  @Override
  public Table transform(Table t) {
    List<Column> added = new ArrayList<>();
    for (String name : names) {
      double[] v = Work.numbers(t, name);
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.copySign(Math.log1p(Math.abs(v[i])), v[i]);
      }
      added.add(NumericColumn.wrap(name, v));
    }
    return t.with(added);
  }

  @Override
  public List<String> inputs() {
    return names;
  }
}
