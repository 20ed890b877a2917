package dev.bankml.models.split;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;

/**
 * One cross-validation fold made ready for training: features built by a pipeline fitted on the
 * fold's training rows only, with labels and training weights. {@code split} says which original
 * rows each part came from.
 */
public record FoldMatrices(
    int fold, Split split, FeatureMatrix trainX, int[] trainY, double[] trainWeights, FeatureMatrix testX, int[] testY) {
  public FoldMatrices {
    if (trainX.rows() != trainY.length || trainY.length != trainWeights.length || testX.rows() != testY.length) {
      throw new BankmlException("fold " + fold + ": matrix rows, labels and weights differ in number");
    }
  }

  /** The rows of {@code x} split by {@code split}, for data whose features need no per-fold fitting. */
  public static FoldMatrices of(int fold, Split split, FeatureMatrix x, int[] y, double[] weights) {
    int[] train = split.train();
    int[] test = split.test();
    int[] trainY = new int[train.length];
    double[] trainW = new double[train.length];
    for (int i = 0; i < train.length; i++) {
      trainY[i] = y[train[i]];
      trainW[i] = weights[train[i]];
    }
    int[] testY = new int[test.length];
    for (int i = 0; i < test.length; i++) {
      testY[i] = y[test[i]];
    }
    return new FoldMatrices(fold, split, x.selectRows(train), trainY, trainW, x.selectRows(test), testY);
  }
}
