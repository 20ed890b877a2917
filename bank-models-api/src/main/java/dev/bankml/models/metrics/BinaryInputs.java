package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;

/** Checks shared by the binary-classification metrics: equal lengths, labels 0/1, finite scores. */
final class BinaryInputs {
  private BinaryInputs() {}

  static void check(String metric, int[] labels, double[] scores) {
    if (labels.length != scores.length) {
      throw new BankmlException(
          metric + ": " + labels.length + " labels but " + scores.length + " scores; they must be equal in number");
    }
    if (labels.length == 0) {
      throw new BankmlException(metric + ": no rows to evaluate");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new BankmlException(metric + ": label at row " + i + " is " + labels[i] + "; labels must be 0 or 1");
      }
      if (!Double.isFinite(scores[i])) {
        throw new BankmlException(metric + ": score at row " + i + " is " + scores[i] + "; scores must be finite");
      }
    }
  }

  static void checkProbabilities(String metric, int[] labels, double[] p) {
    check(metric, labels, p);
    for (int i = 0; i < p.length; i++) {
      if (p[i] < 0 || p[i] > 1) {
        throw new BankmlException(metric + ": probability at row " + i + " is " + p[i] + "; it must be in [0, 1]");
      }
    }
  }

  static int positives(int[] labels) {
    int p = 0;
    for (int y : labels) {
      p += y;
    }
    return p;
  }

  static void requireBothClasses(String metric, int[] labels) {
    int p = positives(labels);
    if (p == 0 || p == labels.length) {
      throw new BankmlException(
          metric + " needs both classes, but all " + labels.length + " labels are " + (p == 0 ? "0" : "1"));
    }
  }

  /** Row indices sorted by descending score; ties keep index order so results are deterministic. */
  static int[] byDescendingScore(double[] scores) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(scores[b], scores[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
