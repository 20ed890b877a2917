package dev.bankml.features.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Clipping of numeric columns into [lower, upper]: fixed bounds ({@link #fixed}), or winsorising at
 * training quantiles ({@link #winsorise}, e.g. the 1st and 99th percentile). Missing stays missing.
 *
 * @param lower the fixed lower bound, or the lower quantile when {@code quantiles}
 * @param upper the fixed upper bound, or the upper quantile when {@code quantiles}
 */
public record Clip(Columns columns, double lower, double upper, boolean quantiles) implements Step {
  /** Checks the settings. */
  public Clip {
    Objects.requireNonNull(columns, "columns");
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " must not exceed upper " + upper);
    }
    if (quantiles && (lower < 0 || upper > 1)) {
      throw new IllegalArgumentException("winsorising quantiles must lie in [0, 1], were " + lower + ", " + upper);
    }
  }

  /** Clips {@code columns} into [lower, upper]. */
  public static Clip fixed(Columns columns, double lower, double upper) {
    return new Clip(columns, lower, upper, false);
  }

  /** Clips {@code columns} at their training {@code lowerQ} and {@code upperQ} quantiles. */
  public static Clip winsorise(Columns columns, double lowerQ, double upperQ) {
    return new Clip(columns, lowerQ, upperQ, true);
  }

  @Override
  public ClipFit fit(FitContext ctx) {
    Map<String, Double> lo = new LinkedHashMap<>();
    Map<String, Double> hi = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      if (quantiles) {
        double[] s = Work.sortedPresent(Work.numbers(ctx.table(), name));
        lo.put(name, s.length == 0 ? Double.NEGATIVE_INFINITY : Work.quantile(s, lower));
        hi.put(name, s.length == 0 ? Double.POSITIVE_INFINITY : Work.quantile(s, upper));
      } else {
        lo.put(name, lower);
        hi.put(name, upper);
      }
    }
    return new ClipFit(lo, hi);
  }
}
