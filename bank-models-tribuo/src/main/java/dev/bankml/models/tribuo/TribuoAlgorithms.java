package dev.bankml.models.tribuo;

import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.HyperparameterSpace.Choice;
import dev.bankml.models.spi.HyperparameterSpace.DoubleRange;
import dev.bankml.models.spi.HyperparameterSpace.IntRange;
import dev.bankml.models.spi.Task;
import dev.bankml.models.spi.TrainingCost;
import java.util.List;
import java.util.Map;

/** The algorithms the Tribuo backend offers, their defaults and search spaces. */
final class TribuoAlgorithms {
  static final AlgorithmSpec LOGISTIC = new AlgorithmSpec("logistic", Task.CLASSIFICATION,
      "Logistic regression (Tribuo LinearSGDTrainer, log loss, AdaGrad; L2 via AdaGrad-RDA)",
      Map.of("epochs", 20, "learning_rate", 0.1, "minibatch", 1, "l2", 0.0),
      List.of(new IntRange("epochs", 10, 60, false),
          new DoubleRange("learning_rate", 0.01, 1.0, true),
          new Choice("minibatch", List.of(1, 8, 32)),
          new Choice("l2", List.of(0.0, 1e-4, 1e-3)))).withCost(TrainingCost.LOW);

  static final AlgorithmSpec RANDOM_FOREST = new AlgorithmSpec("random-forest", Task.CLASSIFICATION,
      "Random forest of CART trees (Tribuo), bootstrap samples of 30 % of the rows,"
          + " sqrt(p) features per split",
      Map.of("trees", 60, "max_depth", 10, "min_child_weight", 20.0, "feature_fraction", 0.0,
          "sample_fraction", 0.3, "threads", 0),
      List.of(new IntRange("trees", 40, 120, true),
          new IntRange("max_depth", 6, 14, false),
          new DoubleRange("min_child_weight", 5.0, 50.0, true),
          new Choice("feature_fraction", List.of(0.0, 0.3)),
          new DoubleRange("sample_fraction", 0.15, 0.5, false))).withCost(TrainingCost.HIGH);

  static final AlgorithmSpec XGBOOST = new AlgorithmSpec("xgboost", Task.CLASSIFICATION,
      "Gradient-boosted trees (XGBoost through Tribuo, histogram splits)",
      Map.of("rounds", 300, "eta", 0.05, "max_depth", 3, "min_child_weight", 5.0,
          "subsample", 0.8, "colsample", 0.8, "lambda", 1.0, "alpha", 0.0, "gamma", 0.0,
          "threads", 0),
      List.of(new IntRange("rounds", 100, 500, true),
          new DoubleRange("eta", 0.01, 0.3, true),
          new IntRange("max_depth", 2, 8, false),
          new DoubleRange("min_child_weight", 0.5, 20.0, true),
          new DoubleRange("subsample", 0.5, 1.0, false),
          new DoubleRange("colsample", 0.5, 1.0, false),
          new DoubleRange("lambda", 0.1, 10.0, true))).withCost(TrainingCost.MEDIUM);

  static final AlgorithmSpec KMEANS = new AlgorithmSpec("kmeans", Task.CLUSTERING,
      "k-means with k-means++ initialisation (Tribuo), best inertia of several restarts",
      Map.of("k", 8, "restarts", 4, "max_iterations", 100, "threads", 0),
      List.of(new IntRange("k", 2, 12, false), new IntRange("restarts", 1, 10, false)));

  static final AlgorithmSpec HDBSCAN = new AlgorithmSpec("hdbscan", Task.CLUSTERING,
      "HDBSCAN* density clustering (Tribuo); noise rows get label -1",
      Map.of("min_cluster_size", 25, "min_samples", 5, "threads", 0),
      List.of(new IntRange("min_cluster_size", 5, 200, true), new IntRange("min_samples", 2, 20, false)));

  static final List<AlgorithmSpec> ALL = List.of(LOGISTIC, RANDOM_FOREST, XGBOOST, KMEANS, HDBSCAN);

  private TribuoAlgorithms() {}
}
