package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import java.util.HashMap;
import java.util.Map;

/**
 * Normalized mutual information between two labelings, with the arithmetic-mean normalisation
 * {@code MI / ((H(a) + H(b)) / 2)} (scikit-learn's default), in [0, 1]. Noise (−1) counts as one
 * more label.
 */
public final class NormalizedMutualInformation {
  private NormalizedMutualInformation() {}

  /** The NMI of {@code a} and {@code b}. */
  public static double of(int[] a, int[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new BankmlException(
          "normalized mutual information: labelings have " + a.length + " and " + b.length + " rows; need equal, non-zero");
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> ca = new HashMap<>();
    Map<Integer, Long> cb = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
      ca.merge(a[i], 1L, Long::sum);
      cb.merge(b[i], 1L, Long::sum);
    }
    double n = a.length;
    double mi = 0;
    for (var e : cells.entrySet()) {
      int la = (int) (e.getKey() >> 32);
      int lb = (int) (long) e.getKey();
      double nij = e.getValue();
      mi += nij / n * Math.log(n * nij / (ca.get(la) * (double) cb.get(lb)));
    }
    double ha = entropy(ca, n);
    double hb = entropy(cb, n);
    if (ha == 0 && hb == 0) {
      return 1.0;
    }
    double norm = (ha + hb) / 2;
    return norm == 0 ? 0 : Math.max(0, mi / norm);
  }

  private static double entropy(Map<Integer, Long> counts, double n) {
    double h = 0;
    for (long c : counts.values()) {
      double p = c / n;
      h -= p * Math.log(p);
    }
    return h;
  }
}
