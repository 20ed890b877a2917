package dev.bankml.models.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded samples of row indices without replacement, sorted ascending. */
final class RowSample {
  private RowSample() {}

  /** {@code size} distinct indices of {@code 0 … n-1} (all of them when size ≥ n). */
  static int[] of(int n, int size, long seed) {
    if (size >= n) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    // partial Fisher–Yates over an index array: exact and O(n) memory, fine up to tens of millions
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, size);
    Arrays.sort(out);
    return out;
  }
}
