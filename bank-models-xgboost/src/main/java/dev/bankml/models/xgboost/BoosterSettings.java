package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One algorithm's hyperparameters, checked and turned into XGBoost's parameter map, plus the
 * settings bankml applies around XGBoost (rounds, early stopping).
 *
 * @param params XGBoost's learning parameters (objective, tree method, seed, threads, …)
 * @param rounds boosting rounds at most (random forest: 1; logistic: passes of coordinate descent)
 * @param earlyStoppingRounds rounds without a better held-out log loss before training stops; 0 = off
 * @param validationFraction share of each class held out for early stopping
 * @param l2 logistic only: the L2 penalty on the whole training set, {@code l2/2 · Σ w_j²} added to the
 *     total weighted log loss (scikit-learn's {@code 1/C}); 0 for the tree algorithms
 * @param l1 logistic only: the L1 penalty on the whole training set, {@code l1 · Σ |w_j|}
 */
record BoosterSettings(Map<String, Object> params, int rounds, int earlyStoppingRounds, double validationFraction,
    double l2, double l1) {
  BoosterSettings {
    params = Map.copyOf(params);
  }

  BoosterSettings(Map<String, Object> params, int rounds, int earlyStoppingRounds, double validationFraction) {
    this(params, rounds, earlyStoppingRounds, validationFraction, 0, 0);
  }

  /**
   * XGBoost's parameters for training rows of total weight {@code totalWeight}. XGBoost multiplies its
   * linear booster's {@code lambda} and {@code alpha} by the total training weight, which would make
   * the penalty grow with the data; so {@code logistic}'s whole-set penalties are divided by it here,
   * and the same {@code l2} means the same prior on 1,000 rows as on 1,000,000.
   */
  Map<String, Object> paramsFor(double totalWeight) {
    if (!linear()) {
      return params;
    }
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put("lambda", l2 / totalWeight);
    p.put("alpha", l1 / totalWeight);
    return p;
  }

  /**
   * Settings of {@code logistic}: XGBoost's linear booster, trained by cyclic coordinate descent
   * (deterministic, unlike the default parallel "shotgun" updater, whose threads race), with the
   * elastic-net penalties {@code l2} and {@code l1} on the whole training set (see {@link #paramsFor}).
   */
  static BoosterSettings logistic(Hyperparameters h, long seed) {
    String a = "logistic";
    Map<String, Object> p = common(h, a, seed);
    p.put("booster", "gblinear");
    p.put("updater", "coord_descent");
    p.put("feature_selector", "cyclic");
    p.put("learning_rate", between(h, a, "learning_rate", 1e-6, 1));
    return new BoosterSettings(p, intBetween(h, a, "rounds", 1, 100_000), 0, 0.1,
        between(h, a, "l2", 0, 1e12), between(h, a, "l1", 0, 1e12));
  }

  /** Settings of {@code gradient-boosting}; {@code h} already holds the defaults. */
  static BoosterSettings gradientBoosting(Hyperparameters h, long seed) {
    String a = "gradient-boosting";
    Map<String, Object> p = trees(h, a, seed);
    p.put("learning_rate", between(h, a, "learning_rate", 1e-6, 1));
    p.put("max_depth", intBetween(h, a, "max_depth", 1, 30));
    p.put("min_child_weight", between(h, a, "min_child_weight", 0, 1e9));
    p.put("subsample", between(h, a, "subsample", 1e-3, 1));
    p.put("colsample_bytree", between(h, a, "colsample_bytree", 1e-3, 1));
    p.put("lambda", between(h, a, "lambda", 0, 1e9));
    p.put("alpha", between(h, a, "alpha", 0, 1e9));
    p.put("gamma", between(h, a, "gamma", 0, 1e9));
    int rounds = intBetween(h, a, "rounds", 1, 100_000);
    int patience = intBetween(h, a, "early_stopping_rounds", 0, 100_000);
    double fraction = between(h, a, "validation_fraction", 0.01, 0.5);
    return new BoosterSettings(p, rounds, patience, fraction);
  }

  /**
   * Settings of {@code random-forest}: XGBoost's random-forest mode, one round of
   * {@code num_parallel_tree} trees at learning rate 1, each on a row sample and a column sample per
   * split.
   */
  static BoosterSettings randomForest(Hyperparameters h, long seed) {
    String a = "random-forest";
    Map<String, Object> p = trees(h, a, seed);
    p.put("num_parallel_tree", intBetween(h, a, "trees", 1, 100_000));
    p.put("learning_rate", 1.0);
    p.put("max_depth", intBetween(h, a, "max_depth", 1, 30));
    p.put("min_child_weight", between(h, a, "min_child_weight", 0, 1e9));
    p.put("subsample", between(h, a, "subsample", 1e-3, 0.999));
    p.put("colsample_bynode", between(h, a, "colsample_bynode", 1e-3, 1));
    p.put("lambda", between(h, a, "lambda", 0, 1e9));
    return new BoosterSettings(p, 1, 0, 0.1);
  }

  /** Whether these are the settings of XGBoost's linear booster. */
  boolean linear() {
    return "gblinear".equals(params.get("booster"));
  }

  private static Map<String, Object> trees(Hyperparameters h, String a, long seed) {
    Map<String, Object> p = common(h, a, seed);
    p.put("tree_method", "hist");
    p.put("booster", "gbtree");
    p.put("max_bin", intBetween(h, a, "max_bin", 2, 65_536));
    return p;
  }

  private static Map<String, Object> common(Hyperparameters h, String a, long seed) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", "binary:logistic");
    p.put("eval_metric", "logloss");
    p.put("nthread", threads(h));
    // XGBoost's seed is a 32-bit int; fold the long so seeds differing in the high bits differ.
    p.put("seed", (int) (seed ^ (seed >>> 32)));
    p.put("verbosity", 0);
    return p;
  }

  /** The {@code threads} hyperparameter: 0 (the default) means every available processor. */
  static int threads(Hyperparameters h) {
    int t = h.getInt("threads", 0);
    if (t < 0) {
      throw new BankmlException("hyperparameter 'threads' is " + t
          + "; use 0 for every available processor or a positive count");
    }
    return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
  }

  private static int intBetween(Hyperparameters h, String algorithm, String name, int min, int max) {
    int v = h.getInt(name, min);
    if (v < min || v > max) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v
          + "; must be between " + min + " and " + max);
    }
    return v;
  }

  private static double between(Hyperparameters h, String algorithm, String name, double min, double max) {
    double v = h.getDouble(name, min);
    if (!(v >= min && v <= max)) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v
          + "; must be between " + min + " and " + max);
    }
    return v;
  }
}
