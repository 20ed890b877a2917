package dev.bankml.models.tribuo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Exact ROC AUC with ties averaged (Mann-Whitney), for test assertions. */
final class Auc {
  private Auc() {}

  static double of(double[] score, int[] y) {
    Integer[] idx = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingDouble(i -> score[i]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (y[idx[t]] == 1) {
          rankSumPos += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = score.length - pos;
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
