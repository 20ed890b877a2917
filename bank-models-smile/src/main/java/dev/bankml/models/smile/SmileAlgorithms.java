package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.HyperparameterSpace.Choice;
import dev.bankml.models.spi.HyperparameterSpace.DoubleRange;
import dev.bankml.models.spi.HyperparameterSpace.IntRange;
import dev.bankml.models.spi.Task;
import dev.bankml.models.spi.TrainingCost;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The algorithms the Smile backend offers, their defaults and search spaces, and input checks. */
final class SmileAlgorithms {
  private SmileAlgorithms() {}

  static final AlgorithmSpec LOGISTIC =
      new AlgorithmSpec(
          "logistic",
          Task.CLASSIFICATION,
          "L2-regularised logistic regression (L-BFGS); exact per-feature contributions",
          Map.of("lambda", 1.0, "tolerance", 1e-5, "max_iterations", 500),
          List.of(new DoubleRange("lambda", 1e-4, 100, true))).withCost(TrainingCost.LOW);

  static final AlgorithmSpec RANDOM_FOREST =
      new AlgorithmSpec(
          "random-forest",
          Task.CLASSIFICATION,
          "random forest of Gini trees on bootstrap samples, class weights; TreeSHAP explanations",
          Map.of("trees", 200, "mtry", 0, "max_depth", 20, "min_node_size", 5, "subsample", 1.0),
          List.of(
              new IntRange("trees", 100, 500, true),
              new Choice("mtry", List.of(0, 2, 4, 8)),
              new IntRange("max_depth", 8, 30, false),
              new IntRange("min_node_size", 1, 20, true))).withCost(TrainingCost.HIGH);

  /** Share of the training rows gradient boosting holds out to choose its number of trees; 0 = off. */
  static final double EARLY_STOPPING_DEFAULT = 0.1;

  static final AlgorithmSpec GRADIENT_BOOSTING =
      new AlgorithmSpec(
          "gradient-boosting",
          Task.CLASSIFICATION,
          "gradient-boosted regression trees (binomial deviance), row subsampling, early stopping on a"
              + " held-out slice; TreeSHAP explanations",
          Map.of(
              "trees", 300, "max_depth", 6, "max_leaves", 16, "min_node_size", 10,
              "shrinkage", 0.05, "subsample", 0.8, "early_stopping", EARLY_STOPPING_DEFAULT),
          List.of(
              new IntRange("trees", 100, 800, true),
              new Choice("max_leaves", List.of(4, 8, 16, 32, 64)),
              new IntRange("min_node_size", 5, 100, true),
              new DoubleRange("shrinkage", 0.01, 0.2, true),
              new DoubleRange("subsample", 0.5, 1.0, false))).withCost(TrainingCost.HIGH);

  static final AlgorithmSpec KMEANS =
      new AlgorithmSpec(
          "kmeans",
          Task.CLUSTERING,
          "k-means, k-means++ seeding, best of several restarts (lowest inertia)",
          Map.of("k", 6, "restarts", 3, "max_iterations", 100, "tolerance", 1e-4),
          List.of(new IntRange("k", 2, 12, false)));

  static final AlgorithmSpec GMM =
      new AlgorithmSpec(
          "gmm",
          Task.CLUSTERING,
          "Gaussian mixture fitted by EM; conventional BIC (lower is better)",
          Map.of("k", 6, "covariance", "full"),
          List.of(new IntRange("k", 2, 12, false), new Choice("covariance", List.of("full", "diagonal"))));

  static final AlgorithmSpec DBSCAN =
      new AlgorithmSpec(
          "dbscan",
          Task.CLUSTERING,
          "density-based clustering with noise; eps 0 = knee of the k-distance curve",
          Map.of("min_points", 0, "eps", 0.0),
          List.of(new IntRange("min_points", 4, 64, true)));

  static final List<AlgorithmSpec> ALL =
      List.of(LOGISTIC, RANDOM_FOREST, GRADIENT_BOOSTING, KMEANS, GMM, DBSCAN);

  static Optional<AlgorithmSpec> find(String name) {
    return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  static String names(Task task) {
    return String.join(
        ", ", ALL.stream().filter(a -> a.task() == task).map(AlgorithmSpec::name).toList());
  }

  static void requireRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new BankmlException(
          "hyperparameter '" + name + "' is " + value + "; valid values are " + min + " to " + max);
    }
  }

  static void checkRow(double[] row, int p) {
    if (row.length != p) {
      throw new BankmlException("row has " + row.length + " values; the model expects " + p + " features");
    }
  }

  static void checkMatrix(FeatureMatrix x, int p) {
    if (x.cols() != p) {
      throw new BankmlException(
          "feature matrix has " + x.cols() + " columns; the model expects " + p + " features");
    }
  }

  static void checkClusterable(FeatureMatrix x, int k) {
    if (x.cols() == 0) {
      throw new BankmlException("data has no features; at least one column is needed to cluster");
    }
    if (x.rows() <= k) {
      throw new BankmlException(
          "data has " + x.rows() + " rows; clustering into " + k + " groups needs more than " + k);
    }
    for (double v : x.rowMajorValues()) {
      if (!Double.isFinite(v)) {
        int i = indexOf(x, v);
        throw new BankmlException(
            "feature '" + x.names().get(i % x.cols()) + "' at row " + i / x.cols() + " is " + v
                + "; clustering needs finite values (impute missing values first)");
      }
    }
  }

  private static int indexOf(FeatureMatrix x, double bad) {
    double[] v = x.rowMajorValues();
    for (int i = 0; i < v.length; i++) {
      if (Double.compare(v[i], bad) == 0) {
        return i;
      }
    }
    return 0;
  }

  /**
   * Feature {@code j}'s SHAP value for the positive class from Smile's array, which holds either
   * one value per feature or, for k = 2 classes, the values of feature j at {@code 2j} (class 0)
   * and {@code 2j + 1} (class 1).
   */
  static double shapOfPositiveClass(double[] raw, int p, int j) {
    return raw.length == p ? raw[j] : raw[2 * j + 1];
  }

  static double logit(double prob) {
    return Math.log(prob / (1 - prob));
  }
}
