package dev.bankml.features.pipeline;

import dev.bankml.features.profile.PearsonCorrelation;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.woe.WoeBinning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Feature selection over the numeric columns present at this point of the pipeline (put it last):
 * drop columns whose training variance is at most a threshold, whose information value against
 * the target is below a threshold, or which correlate (|Pearson r| above a threshold) with an
 * earlier kept column.
 */
public record Select(Kind kind, double threshold) implements Step {
  /** The selection rule. */
  public enum Kind {
    /** Drop variance ≤ threshold (0 drops constants). */
    VARIANCE,
    /** Drop information value &lt; threshold (needs a target). */
    INFORMATION_VALUE,
    /** Drop a column whose |r| with an earlier kept column exceeds threshold. */
    CORRELATION
  }

  /** Checks the settings. */
  public Select {
    Objects.requireNonNull(kind, "kind");
  }

  /** Drops columns with variance at most {@code min}. */
  public static Select byVariance(double min) {
    return new Select(Kind.VARIANCE, min);
  }

  /** Drops columns with information value below {@code min} (0.02 is the usual "useless" line). */
  public static Select byInformationValue(double min) {
    return new Select(Kind.INFORMATION_VALUE, min);
  }

  /** Drops the later of every pair of columns with |correlation| above {@code max}. */
  public static Select byCorrelation(double max) {
    return new Select(Kind.CORRELATION, max);
  }

  @Override
  public SelectionFit fit(FitContext ctx) {
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Column c : ctx.table().columns()) {
      if (c.type() == ColumnType.NUMERIC || c.type() == ColumnType.BOOLEAN) {
        names.add(c.name());
        values.add(Work.numbers(ctx.table(), c.name()));
      }
    }
    List<String> drop = new ArrayList<>();
    switch (kind) {
      case VARIANCE -> {
        for (int j = 0; j < names.size(); j++) {
          if (!(variance(values.get(j)) > threshold)) {
            drop.add(names.get(j));
          }
        }
      }
      case INFORMATION_VALUE -> {
        double[] y = ctx.target("selection by information value");
        for (int j = 0; j < names.size(); j++) {
          if (WoeBinning.defaults().fit(names.get(j), values.get(j), y).iv() < threshold) {
            drop.add(names.get(j));
          }
        }
      }
      case CORRELATION -> {
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
          boolean redundant = false;
          for (int k : kept) {
            if (Math.abs(PearsonCorrelation.orZero(values.get(k), values.get(j))) > threshold) {
              redundant = true;
              break;
            }
          }
          if (redundant) {
            drop.add(names.get(j));
          } else {
            kept.add(j);
          }
        }
      }
    }
    return new SelectionFit(drop);
  }

  static double variance(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    double m = s / n;
    double ss = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        ss += (x - m) * (x - m);
      }
    }
    return ss / n;
  }
}
