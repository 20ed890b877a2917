package dev.bankml.features.pipeline;

import dev.bankml.features.profile.PearsonCorrelation;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.woe.WoeBinning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Feature selection over the numeric columns present at this point of the pipeline (put it last):
 * drop columns whose training variance is at most a threshold, whose information value against
 * the target is below a threshold, which correlate (|Pearson r| above a threshold) with an
 * earlier kept column, or which are almost empty or constant. The fitted {@link SelectionFit} says
 * why each column went.
 */
public record Select(Kind kind, double threshold) implements Step {
  /** The selection rule. */
  public enum Kind {
    /** Drop variance ≤ threshold (0 drops constants). */
    VARIANCE,
    /** Drop information value &lt; threshold (needs a target). */
    INFORMATION_VALUE,
    /** Drop a column whose |r| with an earlier kept column exceeds threshold. */
    CORRELATION,
    /** Drop a column with more than threshold (a share of rows) missing, or whose present values are all equal. */
    EMPTY_OR_CONSTANT
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

  /**
   * Drops columns with more than {@code maxMissing} (a share of rows) missing, and columns whose
   * present values are all equal (exactly, not within rounding).
   */
  public static Select emptyOrConstant(double maxMissing) {
    return new Select(Kind.EMPTY_OR_CONSTANT, maxMissing);
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
    Map<String, String> drop = new LinkedHashMap<>();
    switch (kind) {
      case VARIANCE -> {
        for (int j = 0; j < names.size(); j++) {
          double variance = variance(values.get(j));
          if (!(variance > threshold)) {
            drop.put(names.get(j), "variance " + variance);
          }
        }
      }
      case INFORMATION_VALUE -> {
        double[] y = ctx.target("selection by information value");
        for (int j = 0; j < names.size(); j++) {
          double iv = WoeBinning.defaults().fit(names.get(j), values.get(j), y).iv();
          if (iv < threshold) {
            drop.put(names.get(j), String.format(Locale.ROOT, "information value %.4f", iv));
          }
        }
      }
      case EMPTY_OR_CONSTANT -> {
        for (int j = 0; j < names.size(); j++) {
          String name = names.get(j);
          emptyOrConstant(values.get(j), threshold).ifPresent(why -> drop.put(name, why));
        }
      }
      case CORRELATION -> {
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
          String redundant = null;
          for (int k : kept) {
            double r = PearsonCorrelation.orZero(values.get(k), values.get(j));
            if (Math.abs(r) > threshold) {
              redundant = String.format(Locale.ROOT, "|r| %.3f with '%s'", Math.abs(r), names.get(k));
              break;
            }
          }
          if (redundant != null) {
            drop.put(names.get(j), redundant);
          } else {
            kept.add(j);
          }
        }
      }
    }
    return new SelectionFit(new ArrayList<>(drop.keySet()), drop);
  }

  /** Why a column with these values is empty or constant, if it is: "97% missing", "constant". */
  private static Optional<String> emptyOrConstant(double[] v, double maxMissing) {
    long missing = 0;
    double first = Double.NaN;
    boolean constant = true;
    for (double x : v) {
      if (!Double.isFinite(x)) {
        missing++;
      } else if (Double.isNaN(first)) {
        first = x;
      } else if (x != first) {
        constant = false;
      }
    }
    if (v.length > 0 && missing > maxMissing * v.length) {
      return Optional.of(String.format("%.0f%% missing", 100.0 * missing / v.length));
    }
    return constant ? Optional.of("constant") : Optional.empty();
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
