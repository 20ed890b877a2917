package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.Hyperparameters;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;

/**
 * Logistic regression: Tribuo's {@link LinearSGDTrainer} with the log (softmax) loss and AdaGrad,
 * trained for many more epochs than Tribuo's own {@code LogisticRegressionTrainer} (5), and with
 * an optional L2 penalty through AdaGrad-RDA.
 */
final class LogisticTrainer implements ClassifierTrainer {
  private final int epochs;
  private final double learningRate;
  private final int minibatch;
  private final double l2;
  private final long seed;

  LogisticTrainer(Hyperparameters h, long seed) {
    this.epochs = Check.intAtLeast(h, "logistic", "epochs", 1);
    this.learningRate = Check.between(h, "logistic", "learning_rate", 1e-6, 100);
    this.minibatch = Check.intAtLeast(h, "logistic", "minibatch", 1);
    this.l2 = Check.between(h, "logistic", "l2", 0, 100);
    this.seed = seed;
  }

  @Override
  public Classifier fit(FeatureMatrix x, int[] y, double[] weights) {
    MutableDataset<Label> data = TribuoData.classification(x, y, weights);
    StochasticGradientOptimiser optimiser = l2 > 0
        ? new AdaGradRDA(learningRate, 1e-6, 0.0, l2, data.getFeatureIDMap().size() + 1)
        : new AdaGrad(learningRate, 1e-6);
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(new LogMulticlass(), optimiser, epochs, Integer.MAX_VALUE, minibatch, seed);
    LinearSGDModel model = trainer.train(data);
    return new LinearClassifier(model, x.cols());
  }
}
