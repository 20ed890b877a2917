package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index between two labelings of the same rows: 1 for identical partitions (up to
 * renaming), about 0 for independent ones. Noise (−1) counts as one more label.
 */
public final class AdjustedRandIndex {
  private AdjustedRandIndex() {}

  /** The ARI of {@code a} against {@code b}. */
  public static double of(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new BankmlException("adjusted Rand index: labelings have " + a.length + " and " + b.length + " rows");
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> rowSums = new HashMap<>();
    Map<Integer, Long> colSums = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
      rowSums.merge(a[i], 1L, Long::sum);
      colSums.merge(b[i], 1L, Long::sum);
    }
    double index = 0;
    for (long v : cells.values()) {
      index += pairs(v);
    }
    double sumA = 0;
    for (long v : rowSums.values()) {
      sumA += pairs(v);
    }
    double sumB = 0;
    for (long v : colSums.values()) {
      sumB += pairs(v);
    }
    double expected = sumA * sumB / pairs(a.length);
    double max = (sumA + sumB) / 2;
    if (max == expected) {
      return 1.0; // both labelings trivial (one cluster or all singletons) and therefore identical
    }
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
