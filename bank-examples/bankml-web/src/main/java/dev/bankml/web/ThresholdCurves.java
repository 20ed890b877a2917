package dev.bankml.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The curves and counts of the model page computed from held-out answers: ROC and
 * precision-recall points (thinned for drawing), calibration bins, the confusion matrix at any
 * threshold, and score histograms by class. Immutable.
 */
final class ThresholdCurves {
  private static final int MAX_POINTS = 200;
  private final HeldOut data;
  private final double[] sortedDesc;
  private final int[] labelsDesc;
  private final int positives;

  ThresholdCurves(HeldOut data) {
    this.data = data;
    Integer[] order = IntStream.range(0, data.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> data.probabilities()[i]).reversed());
    sortedDesc = new double[order.length];
    labelsDesc = new int[order.length];
    int pos = 0;
    for (int r = 0; r < order.length; r++) {
      sortedDesc[r] = data.probabilities()[order[r]];
      labelsDesc[r] = data.labels()[order[r]];
      pos += labelsDesc[r];
    }
    positives = pos;
  }

  /** Counts at one threshold: probability ≥ threshold is predicted default (declined). */
  record Confusion(long tp, long fp, long tn, long fn) {
    /** Share of declined applicants who defaulted; 1 by convention when nobody is declined. */
    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }

    /** Share of applicants below the threshold, i.e. approved. */
    double approvalRate() {
      long n = tp + fp + tn + fn;
      return n == 0 ? 0.0 : (double) (tn + fn) / n;
    }
  }

  Confusion at(double threshold) {
    long tp = 0;
    long fp = 0;
    for (int r = 0; r < sortedDesc.length && sortedDesc[r] >= threshold; r++) {
      if (labelsDesc[r] == 1) {
        tp++;
      } else {
        fp++;
      }
    }
    long negatives = sortedDesc.length - positives;
    return new Confusion(tp, fp, negatives - fp, positives - tp);
  }

  /** ROC curve: x = false-positive rate, y = true-positive rate, from (0,0) to (1,1). */
  double[][] roc() {
    long negatives = sortedDesc.length - positives;
    double[][] points = sweep((tp, fp) -> new double[] {
        negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives});
    return prepend(points, 0, 0);
  }

  /** Precision-recall curve: x = recall, y = precision. */
  double[][] precisionRecall() {
    return sweep((tp, fp) -> new double[] {
        positives == 0 ? 0 : (double) tp / positives, tp + fp == 0 ? 1 : (double) tp / (tp + fp)});
  }

  /** Area under the ROC curve by the trapezoid rule over all distinct thresholds. */
  double auc() {
    long negatives = sortedDesc.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double area = 0;
    long tp = 0;
    long fp = 0;
    long prevTp = 0;
    long prevFp = 0;
    for (int r = 0; r < sortedDesc.length; r++) {
      if (labelsDesc[r] == 1) {
        tp++;
      } else {
        fp++;
      }
      if (r + 1 == sortedDesc.length || sortedDesc[r + 1] != sortedDesc[r]) {
        area += (fp - prevFp) * (tp + prevTp) / 2.0;
        prevTp = tp;
        prevFp = fp;
      }
    }
    return area / ((double) positives * negatives);
  }

  /** Ten equal-width bins: {mean predicted, observed rate, count} per non-empty bin. */
  double[][] calibration() {
    int bins = 10;
    double[] sumP = new double[bins];
    double[] sumY = new double[bins];
    long[] n = new long[bins];
    for (int i = 0; i < data.size(); i++) {
      int b = Math.min(bins - 1, (int) (data.probabilities()[i] * bins));
      sumP[b] += data.probabilities()[i];
      sumY[b] += data.labels()[i];
      n[b]++;
    }
    return IntStream.range(0, bins).filter(b -> n[b] > 0)
        .mapToObj(b -> new double[] {sumP[b] / n[b], sumY[b] / n[b], n[b]}).toArray(double[][]::new);
  }

  /** Share of each class falling in each of {@code bins} equal-width probability bins: [class][bin]. */
  double[][] histogramByClass(int bins) {
    double[][] h = new double[2][bins];
    long[] n = new long[2];
    for (int i = 0; i < data.size(); i++) {
      int b = Math.min(bins - 1, (int) (data.probabilities()[i] * bins));
      h[data.labels()[i]][b]++;
      n[data.labels()[i]]++;
    }
    for (int c = 0; c < 2; c++) {
      for (int b = 0; b < bins; b++) {
        h[c][b] = n[c] == 0 ? 0 : h[c][b] / n[c];
      }
    }
    return h;
  }

  int size() {
    return sortedDesc.length;
  }

  int positives() {
    return positives;
  }

  private interface PointAt {
    double[] at(long tp, long fp);
  }

  /** One point per distinct threshold, thinned to at most {@link #MAX_POINTS}. */
  private double[][] sweep(PointAt point) {
    java.util.List<double[]> all = new java.util.ArrayList<>();
    long tp = 0;
    long fp = 0;
    for (int r = 0; r < sortedDesc.length; r++) {
      if (labelsDesc[r] == 1) {
        tp++;
      } else {
        fp++;
      }
      if (r + 1 == sortedDesc.length || sortedDesc[r + 1] != sortedDesc[r]) {
        all.add(point.at(tp, fp));
      }
    }
    if (all.size() <= MAX_POINTS) {
      return all.toArray(double[][]::new);
    }
    double[][] thin = new double[MAX_POINTS][];
    for (int i = 0; i < MAX_POINTS; i++) {
      thin[i] = all.get((int) ((long) i * (all.size() - 1) / (MAX_POINTS - 1)));
    }
    return thin;
  }

  private static double[][] prepend(double[][] points, double x, double y) {
    double[][] out = new double[points.length + 1][];
    out[0] = new double[] {x, y};
    System.arraycopy(points, 0, out, 1, points.length);
    return out;
  }
}
