package dev.bankml.models.metrics;

/**
 * Area under the ROC curve, computed exactly from ranks (Mann–Whitney U): tied scores count one
 * half, so the result equals the trapezoidal area under the full ROC curve.
 */
public final class RocAuc {
  private RocAuc() {}

  /** The probability that a random positive scores above a random negative (ties count ½). */
  public static double of(int[] labels, double[] scores) {
    BinaryInputs.check("ROC AUC", labels, scores);
    BinaryInputs.requireBothClasses("ROC AUC", labels);
    int n = labels.length;
    int[] order = BinaryInputs.byDescendingScore(scores);
    // walk from the lowest score up, assigning average ranks to tied groups
    double rankSumPos = 0;
    int i = n - 1;
    int rank = 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      int size = i - j + 1;
      double avgRank = rank + (size - 1) / 2.0;
      for (int k = j; k <= i; k++) {
        if (labels[order[k]] == 1) {
          rankSumPos += avgRank;
        }
      }
      rank += size;
      i = j - 1;
    }
    long pos = BinaryInputs.positives(labels);
    long neg = n - pos;
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** The Gini coefficient (accuracy ratio) {@code 2·AUC − 1}. */
  public static double gini(int[] labels, double[] scores) {
    return 2 * of(labels, scores) - 1;
  }
}
