package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.Hyperparameters;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;

/**
 * Gradient-boosted trees: XGBoost through Tribuo's {@link XGBoostClassificationTrainer}, with
 * histogram split search ({@code tree_method=hist}). Tribuo's shorter constructors fix
 * {@code tree_method=auto}, which XGBoost 1.x resolved to the exact greedy search: tens of times
 * slower on the loan views for the same AUC (see the module README).
 */
final class BoostingTrainer implements ClassifierTrainer {
  private final int rounds;
  private final double eta;
  private final int maxDepth;
  private final double minChildWeight;
  private final double subsample;
  private final double colsample;
  private final double lambda;
  private final double alpha;
  private final double gamma;
  private final int threads;
  private final long seed;

  BoostingTrainer(Hyperparameters h, long seed) {
    this.rounds = Check.intAtLeast(h, "xgboost", "rounds", 1);
    this.eta = Check.between(h, "xgboost", "eta", 1e-6, 1);
    this.maxDepth = Check.intAtLeast(h, "xgboost", "max_depth", 1);
    this.minChildWeight = Check.between(h, "xgboost", "min_child_weight", 0, 1e9);
    this.subsample = Check.between(h, "xgboost", "subsample", 1e-3, 1);
    this.colsample = Check.between(h, "xgboost", "colsample", 1e-3, 1);
    this.lambda = Check.between(h, "xgboost", "lambda", 0, 1e9);
    this.alpha = Check.between(h, "xgboost", "alpha", 0, 1e9);
    this.gamma = Check.between(h, "xgboost", "gamma", 0, 1e9);
    this.threads = Threads.budget(h);
    this.seed = seed;
  }

  @Override
  public Classifier fit(FeatureMatrix x, int[] y, double[] weights) {
    MutableDataset<Label> data = TribuoData.classification(x, y, weights);
    XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST,
        rounds, eta, gamma, maxDepth, minChildWeight, subsample, colsample, lambda, alpha, threads,
        LoggingVerbosity.SILENT, seed);
    XGBoostModel<Label> model = trainer.train(data);
    return new BoostedClassifier(model, x.cols());
  }
}
