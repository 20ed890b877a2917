package dev.bankml.models.tune;

import dev.bankml.data.ProgressListener;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.split.CrossValidation;
import dev.bankml.models.split.FoldMatrices;
import dev.bankml.models.split.Split;
import java.util.Arrays;
import java.util.List;

/**
 * A classifier configuration scored under cross-validation: the metric on each fold, their mean
 * and spread, and the out-of-fold probability of every row (for pooled metrics).
 */
public record CrossValidatedScore(ScoringMetric metric, double mean, double std, double[] foldScores, double[] outOfFold) {

  /**
   * Trains {@code algorithm} of {@code backend} on each fold's training part and scores its test
   * part, folds in parallel on at most {@code threads} threads. {@code rows} is the total number of
   * rows the folds' splits index into.
   */
  public static CrossValidatedScore of(
      ModelBackend backend, String algorithm, Hyperparameters hyperparameters, long seed,
      List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric, ProgressListener progress) {
    List<double[]> scored = CrossValidation.run(
        folds.stream().map(FoldMatrices::split).toList(), threads, progress,
        (f, split) -> {
          FoldMatrices fm = folds.get(f);
          Classifier c = backend.classifierTrainer(algorithm, hyperparameters, seed).fit(fm.trainX(), fm.trainY(), fm.trainWeights());
          return c.probabilities(fm.testX());
        });
    return of(metric, folds, rows, scored);
  }

  /** The score of per-fold test probabilities {@code scored} (one array per fold, in fold order). */
  static CrossValidatedScore of(ScoringMetric metric, List<FoldMatrices> folds, int rows, List<double[]> scored) {
    double[] foldScores = new double[folds.size()];
    double[] oof = new double[rows];
    Arrays.fill(oof, Double.NaN);
    for (int f = 0; f < folds.size(); f++) {
      double[] p = scored.get(f);
      foldScores[f] = metric.score(folds.get(f).testY(), p);
      int[] test = folds.get(f).split().test();
      for (int i = 0; i < test.length; i++) {
        oof[test[i]] = p[i];
      }
    }
    double mean = Arrays.stream(foldScores).average().orElse(Double.NaN);
    double var = Arrays.stream(foldScores).map(s -> (s - mean) * (s - mean)).sum() / Math.max(1, foldScores.length - 1);
    return new CrossValidatedScore(metric, mean, Math.sqrt(var), foldScores, oof);
  }

  /** The folds' splits, for callers that need them. */
  static List<Split> splits(List<FoldMatrices> folds) {
    return folds.stream().map(FoldMatrices::split).toList();
  }
}
