package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
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
 * slower on the loan views for the same AUC (see the module README). The settings carry XGBoost's
 * own names and meanings; {@code threads} is the resolved thread count.
 */
record BoostingTrainer(int rounds, double eta, int maxDepth, double minChildWeight, double subsample,
    double colsample, double lambda, double alpha, double gamma, int threads, long seed)
    implements ClassifierTrainer {
  /** The trainer {@code s} describes, each value checked against its range. */
  BoostingTrainer(Settings s, long seed) {
    this(s.intAtLeast("rounds", 1), s.between("eta", 1e-6, 1), s.intAtLeast("max_depth", 1),
        s.between("min_child_weight", 0, 1e9), s.between("subsample", 1e-3, 1), s.between("colsample", 1e-3, 1),
        s.between("lambda", 0, 1e9), s.between("alpha", 0, 1e9), s.between("gamma", 0, 1e9), s.threads(), seed);
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
