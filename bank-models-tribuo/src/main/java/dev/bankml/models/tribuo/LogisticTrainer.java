package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
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
 *
 * @param epochs passes over the training rows
 * @param learningRate AdaGrad's base step size
 * @param minibatch rows per gradient step
 * @param l2 L2 penalty; 0 trains with plain AdaGrad
 * @param seed seeds the order in which rows are visited
 */
record LogisticTrainer(int epochs, double learningRate, int minibatch, double l2, long seed)
    implements ClassifierTrainer {
  /** The trainer {@code s} describes, each value checked against its range. */
  LogisticTrainer(Settings s, long seed) {
    this(s.intAtLeast("epochs", 1), s.between("learning_rate", 1e-6, 100), s.intAtLeast("minibatch", 1),
        s.between("l2", 0, 100), seed);
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
