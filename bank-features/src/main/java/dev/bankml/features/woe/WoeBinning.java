package dev.bankml.features.woe;

import dev.bankml.features.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weight-of-evidence binning (credit-scorecard practice): numeric columns are cut at quantiles into
 * at most {@code maxBins} bins, merged until each holds {@code minBinShare} of the rows and, when
 * asked, until the event rate is monotonic; categorical levels are binned one per level, rare ones
 * pooled into "other". WoE = ln(non-event share / event share); a bin with zero events or
 * non-events counts 0.5 instead so WoE stays finite. Targets are 1 (event, "bad") or 0.
 */
public record WoeBinning(int maxBins, double minBinShare, Monotonicity monotonicity) {
  private static final WoeBin NO_MISSING = new WoeBin("missing", Double.NaN, Double.NaN, List.of(), 0, 0, 0.0, 0.0);

  /** Checks the settings. */
  public WoeBinning {
    if (maxBins < 1) {
      throw new IllegalArgumentException("maxBins must be at least 1, was " + maxBins);
    }
    if (!(minBinShare >= 0 && minBinShare < 1)) {
      throw new IllegalArgumentException("minBinShare must be in [0, 1), was " + minBinShare);
    }
  }

  /** 10 bins, each at least 5% of rows, no trend constraint. */
  public static WoeBinning defaults() {
    return new WoeBinning(10, 0.05, Monotonicity.NONE);
  }

  /** The same binning with a trend constraint. */
  public WoeBinning monotonic(Monotonicity m) {
    return new WoeBinning(maxBins, minBinShare, m);
  }

  /** Bins numeric {@code x} (NaN missing) against 0/1 {@code target}. */
  public WoeTable fit(String column, double[] x, double[] target) {
    check(x.length, target);
    double[] present = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
    List<Double> uppers = new ArrayList<>();
    for (int b = 1; b < maxBins && present.length > 0; b++) {
      double q = present[(int) Math.min(present.length - 1, Math.floor((double) b * present.length / maxBins))];
      double prevUpper = uppers.isEmpty() ? Double.NEGATIVE_INFINITY : uppers.get(uppers.size() - 1);
      // the cut belongs to the lower bin; skip cuts that would leave the top bin empty
      if (q > prevUpper && q < present[present.length - 1]) {
        uppers.add(q);
      }
    }
    double[] edges = uppers.stream().mapToDouble(Double::doubleValue).toArray();
    return fitEdges(column, x, target, edges, true);
  }

  /**
   * Bins numeric {@code x} at fixed cut points {@code cuts} (ascending; bin i is (cuts[i-1],
   * cuts[i]]) without merging: for hand-checked examples and for recomputing a known binning.
   */
  public static WoeTable fitCuts(String column, double[] x, double[] target, double[] cuts) {
    return new WoeBinning(Math.max(1, cuts.length + 1), 0, Monotonicity.NONE).fitEdges(column, x, target, cuts, false);
  }

  private WoeTable fitEdges(String column, double[] x, double[] target, double[] cuts, boolean merge) {
    check(x.length, target);
    int k = cuts.length + 1;
    long[] ev = new long[k];
    long[] ne = new long[k];
    long missEv = 0;
    long missNe = 0;
    for (int i = 0; i < x.length; i++) {
      boolean event = target[i] == 1.0;
      if (Double.isNaN(x[i])) {
        if (event) {
          missEv++;
        } else {
          missNe++;
        }
        continue;
      }
      int b = Arrays.binarySearch(cuts, x[i]);
      int bin = b >= 0 ? b : -b - 1;
      if (event) {
        ev[bin]++;
      } else {
        ne[bin]++;
      }
    }
    List<double[]> bins = new ArrayList<>(); // {lower, upper, events, nonEvents}
    for (int b = 0; b < k; b++) {
      double lo = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
      double hi = b == k - 1 ? Double.POSITIVE_INFINITY : cuts[b];
      bins.add(new double[] {lo, hi, ev[b], ne[b]});
    }
    if (merge) {
      mergeSmall(bins, x.length);
      mergeMonotonic(bins);
    }
    long totEv = missEv;
    long totNe = missNe;
    for (double[] b : bins) {
      totEv += (long) b[2];
      totNe += (long) b[3];
    }
    List<WoeBin> out = new ArrayList<>();
    double iv = 0;
    for (double[] b : bins) {
      WoeBin wb = bin(label(b[0], b[1]), b[0], b[1], List.of(), (long) b[2], (long) b[3], totEv, totNe);
      iv += wb.iv();
      out.add(wb);
    }
    WoeBin missing = NO_MISSING;
    if (missEv + missNe > 0) {
      missing = bin("missing", Double.NaN, Double.NaN, List.of(), missEv, missNe, totEv, totNe);
      iv += missing.iv();
    }
    return new WoeTable(column, true, out, missing, 0.0, iv);
  }

  /** Bins categorical {@code x} against 0/1 {@code target}: one bin per level, rare levels pooled into "other". */
  public WoeTable fit(CategoricalColumn x, double[] target) {
    check(x.size(), target);
    int levels = x.levels().size();
    long[] ev = new long[levels];
    long[] ne = new long[levels];
    long missEv = 0;
    long missNe = 0;
    for (int i = 0; i < x.size(); i++) {
      boolean event = target[i] == 1.0;
      int c = x.code(i);
      if (c < 0) {
        if (event) {
          missEv++;
        } else {
          missNe++;
        }
      } else if (event) {
        ev[c]++;
      } else {
        ne[c]++;
      }
    }
    long totEv = missEv + Arrays.stream(ev).sum();
    long totNe = missNe + Arrays.stream(ne).sum();
    double minCount = minBinShare * x.size();
    List<WoeBin> out = new ArrayList<>();
    List<String> rare = new ArrayList<>();
    long rareEv = 0;
    long rareNe = 0;
    double iv = 0;
    for (int c = 0; c < levels; c++) {
      if (ev[c] + ne[c] == 0) {
        continue;
      }
      if (ev[c] + ne[c] < minCount) {
        rare.add(x.levels().get(c));
        rareEv += ev[c];
        rareNe += ne[c];
        continue;
      }
      WoeBin b = bin(x.levels().get(c), Double.NaN, Double.NaN, List.of(x.levels().get(c)), ev[c], ne[c], totEv, totNe);
      iv += b.iv();
      out.add(b);
    }
    double unseen = 0.0;
    if (!rare.isEmpty()) {
      WoeBin other = bin("other", Double.NaN, Double.NaN, rare, rareEv, rareNe, totEv, totNe);
      iv += other.iv();
      out.add(other);
      unseen = other.woe();
    }
    WoeBin missing = NO_MISSING;
    if (missEv + missNe > 0) {
      missing = bin("missing", Double.NaN, Double.NaN, List.of(), missEv, missNe, totEv, totNe);
      iv += missing.iv();
    }
    return new WoeTable(x.name(), false, out, missing, unseen, iv);
  }

  private static WoeBin bin(String label, double lo, double hi, List<String> levels, long ev, long ne, long totEv, long totNe) {
    double e = ev == 0 ? 0.5 : ev;
    double n = ne == 0 ? 0.5 : ne;
    double shareEv = e / Math.max(1, totEv);
    double shareNe = n / Math.max(1, totNe);
    double woe = Math.log(shareNe / shareEv);
    return new WoeBin(label, lo, hi, levels, ev, ne, woe, (shareNe - shareEv) * woe);
  }

  private void mergeSmall(List<double[]> bins, int n) {
    double minCount = minBinShare * n;
    boolean changed = true;
    while (changed && bins.size() > 1) {
      changed = false;
      for (int i = 0; i < bins.size(); i++) {
        double[] b = bins.get(i);
        if (b[2] + b[3] < minCount) {
          int j = i == bins.size() - 1 ? i - 1 : (i == 0 ? 1 : (count(bins.get(i - 1)) <= count(bins.get(i + 1)) ? i - 1 : i + 1));
          mergeAt(bins, Math.min(i, j));
          changed = true;
          break;
        }
      }
    }
  }

  private void mergeMonotonic(List<double[]> bins) {
    if (monotonicity == Monotonicity.NONE || bins.size() < 2) {
      return;
    }
    boolean increasing = switch (monotonicity) {
      case INCREASING -> true;
      case DECREASING -> false;
      default -> rate(bins.get(bins.size() - 1)) >= rate(bins.get(0));
    };
    boolean changed = true;
    while (changed && bins.size() > 1) {
      changed = false;
      for (int i = 0; i + 1 < bins.size(); i++) {
        double a = rate(bins.get(i));
        double b = rate(bins.get(i + 1));
        if (increasing ? b < a : b > a) {
          mergeAt(bins, i);
          changed = true;
          break;
        }
      }
    }
  }

  private static double count(double[] b) {
    return b[2] + b[3];
  }

  private static double rate(double[] b) {
    double n = b[2] + b[3];
    return n == 0 ? 0 : b[2] / n;
  }

  private static void mergeAt(List<double[]> bins, int i) {
    double[] a = bins.get(i);
    double[] b = bins.remove(i + 1);
    bins.set(i, new double[] {a[0], b[1], a[2] + b[2], a[3] + b[3]});
  }

  private static String label(double lo, double hi) {
    return "(" + lo + ", " + hi + "]";
  }

  private static void check(int n, double[] target) {
    if (target.length != n) {
      throw new IllegalArgumentException("target has " + target.length + " values but the column has " + n);
    }
    for (double t : target) {
      if (t != 0.0 && t != 1.0) {
        throw new IllegalArgumentException("target values must be 0 or 1, found " + t);
      }
    }
  }
}
