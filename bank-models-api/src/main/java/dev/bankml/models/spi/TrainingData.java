package dev.bankml.models.spi;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;

/**
 * The checks every backend makes before training, with the same words: shapes that agree, at least
 * one row and one feature, 0/1 labels with both classes present, finite non-negative weights.
 * Backends never see each other; this is where their common rules live.
 */
public final class TrainingData {
  private TrainingData() {}

  /**
   * Checks labelled, weighted training data.
   *
   * @return the number of positive rows
   * @throws BankmlException naming the first row or count that breaks a rule
   */
  public static int checkLabelled(FeatureMatrix x, int[] y, double[] weights) {
    if (y.length != x.rows() || weights.length != x.rows()) {
      throw new BankmlException("training data has " + x.rows() + " rows but " + y.length
          + " labels and " + weights.length + " weights; all three must match");
    }
    checkNotEmpty(x, "training");
    int positives = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new BankmlException("label at row " + i + " is " + y[i] + "; labels must be 0 or 1");
      }
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new BankmlException("weight at row " + i + " is " + w + "; weights must be finite and >= 0");
      }
      positives += y[i];
    }
    if (positives == 0 || positives == y.length) {
      throw new BankmlException("training labels contain only class " + (positives == 0 ? 0 : 1)
          + " (" + y.length + " rows); a classifier needs both 0 and 1");
    }
    return positives;
  }

  /**
   * Checks that {@code x} has at least one row and one feature.
   *
   * @param what what the data is for, as in "training data is empty"
   */
  public static void checkNotEmpty(FeatureMatrix x, String what) {
    if (x.rows() == 0 || x.cols() == 0) {
      throw new BankmlException(what + " data is empty (" + x.rows() + " rows, " + x.cols()
          + " features); need at least one row and one feature");
    }
  }
}
