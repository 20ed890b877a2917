package dev.bankml.models.xgboost;

import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.HyperparameterSpace.Choice;
import dev.bankml.models.spi.HyperparameterSpace.DoubleRange;
import dev.bankml.models.spi.HyperparameterSpace.IntRange;
import dev.bankml.models.spi.Task;
import dev.bankml.models.spi.TrainingCost;
import java.util.List;
import java.util.Map;

/** The algorithms the XGBoost backend offers, their defaults and search spaces (see the module README). */
final class XgboostAlgorithms {
  static final AlgorithmSpec LOGISTIC = new AlgorithmSpec("logistic", Task.CLASSIFICATION,
      "Logistic regression (XGBoost's linear booster, coordinate descent, L2/L1 penalties on the whole"
          + " training set); exact linear contributions",
      Map.of("rounds", 100, "learning_rate", 1.0, "l2", 10.0, "l1", 0.0, "threads", 0),
      List.of(new Choice("l2", List.of(1.0, 10.0, 30.0, 100.0)),
          new Choice("l1", List.of(0.0, 1.0, 10.0)))).withCost(TrainingCost.LOW);

  static final AlgorithmSpec GRADIENT_BOOSTING = new AlgorithmSpec("gradient-boosting", Task.CLASSIFICATION,
      "Gradient-boosted trees (XGBoost, histogram splits, binary:logistic), early stopping on a held-out"
          + " stratified slice of the training rows",
      Map.ofEntries(Map.entry("rounds", 1000), Map.entry("learning_rate", 0.05), Map.entry("max_depth", 3),
          Map.entry("min_child_weight", 5.0), Map.entry("subsample", 0.8), Map.entry("colsample_bytree", 0.8),
          Map.entry("lambda", 1.0), Map.entry("alpha", 0.0), Map.entry("gamma", 0.0), Map.entry("max_bin", 256),
          Map.entry("early_stopping_rounds", 50), Map.entry("validation_fraction", 0.1), Map.entry("threads", 0)),
      List.of(new DoubleRange("learning_rate", 0.01, 0.3, true),
          new IntRange("max_depth", 2, 8, false),
          new DoubleRange("min_child_weight", 0.5, 20.0, true),
          new DoubleRange("subsample", 0.5, 1.0, false),
          new DoubleRange("colsample_bytree", 0.5, 1.0, false),
          new DoubleRange("lambda", 0.1, 10.0, true))).withCost(TrainingCost.LOW);

  static final AlgorithmSpec RANDOM_FOREST = new AlgorithmSpec("random-forest", Task.CLASSIFICATION,
      "Random forest in XGBoost's random-forest mode (one round of parallel trees on row and column"
          + " samples, histogram splits)",
      Map.of("trees", 200, "max_depth", 8, "min_child_weight", 1.0, "subsample", 0.632,
          "colsample_bynode", 0.3, "lambda", 1.0, "max_bin", 256, "threads", 0),
      List.of(new IntRange("trees", 100, 400, true),
          new IntRange("max_depth", 6, 14, false),
          new DoubleRange("min_child_weight", 0.5, 20.0, true),
          new DoubleRange("subsample", 0.4, 0.9, false),
          new DoubleRange("colsample_bynode", 0.1, 0.6, false))).withCost(TrainingCost.MEDIUM);

  /** Cheapest first: {@code auto} scores them in this order (logistic, boosting, forest). */
  static final List<AlgorithmSpec> ALL = List.of(LOGISTIC, GRADIENT_BOOSTING, RANDOM_FOREST);

  private XgboostAlgorithms() {}
}
