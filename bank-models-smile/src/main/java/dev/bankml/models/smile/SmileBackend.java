package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.ClustererTrainer;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import smile.math.MathEx;

/**
 * The Smile 3.x backend ({@code smile}): logistic regression, random forest and gradient boosting
 * for classification; k-means, Gaussian mixtures and DBSCAN for clustering. Smile is licensed
 * GPL-3.0. Found by {@link java.util.ServiceLoader}.
 */
public final class SmileBackend implements ModelBackend {
  private static final String FALLBACK_VERSION = "3.1.1";

  /** Creates the backend; it holds no state. */
  public SmileBackend() {}

  @Override
  public String name() {
    return "smile";
  }

  /** Smile's version, read from its jar manifest (3.1.1 when the manifest does not say). */
  @Override
  public String version() {
    String v = MathEx.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? FALLBACK_VERSION : v;
  }

  @Override
  public String licence() {
    return "GPL-3.0";
  }

  @Override
  public List<AlgorithmSpec> algorithms() {
    return SmileAlgorithms.ALL;
  }

  @Override
  public ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    AlgorithmSpec spec = spec(algorithm, Task.CLASSIFICATION);
    Hyperparameters hp = checked(spec, hyperparameters);
    return switch (spec.name()) {
      case "logistic" -> (x, y, w) -> {
        SmileInputs.checkLabelled(x, y, w);
        return SeededTraining.run(seed, "logistic", () -> LogisticModel.train(x, y, w, hp));
      };
      case "random-forest" -> (x, y, w) -> {
        SmileInputs.checkLabelled(x, y, w);
        return SeededTraining.run(seed, "random-forest", () -> ForestModel.train(x, y, w, hp, seed));
      };
      default -> (x, y, w) -> {
        SmileInputs.checkLabelled(x, y, w);
        return SeededTraining.run(seed, "gradient-boosting", () -> BoostingModel.train(x, y, w, hp, seed));
      };
    };
  }

  @Override
  public ClustererTrainer clustererTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    AlgorithmSpec spec = spec(algorithm, Task.CLUSTERING);
    Hyperparameters hp = checked(spec, hyperparameters);
    return switch (spec.name()) {
      case "kmeans" -> x -> SeededTraining.run(seed, "kmeans", () -> KMeansModel.train(x, hp));
      case "gmm" -> x -> SeededTraining.run(seed, "gmm", () -> GaussianMixtureModel.train(x, hp));
      default -> x -> SeededTraining.run(seed, "dbscan", () -> DbscanModel.train(x, hp, seed));
    };
  }

  @Override
  public byte[] saveClassifier(Classifier classifier) {
    Objects.requireNonNull(classifier, "classifier");
    if (!(classifier instanceof Serializable s) || !isOurs(classifier)) {
      throw new BankmlException(
          "the Smile backend can only save classifiers it trained; got " + classifier.getClass().getName());
    }
    return PayloadCodec.write(s);
  }

  @Override
  public Classifier loadClassifier(byte[] payload) {
    return PayloadCodec.read(payload, Classifier.class, "classifier");
  }

  @Override
  public byte[] saveClustering(Clustering clustering) {
    Objects.requireNonNull(clustering, "clustering");
    if (!(clustering instanceof Serializable s) || !isOurs(clustering)) {
      throw new BankmlException(
          "the Smile backend can only save clusterings it fitted; got " + clustering.getClass().getName());
    }
    return PayloadCodec.write(s);
  }

  @Override
  public Clustering loadClustering(byte[] payload) {
    return PayloadCodec.read(payload, Clustering.class, "clustering");
  }

  private static boolean isOurs(Object o) {
    return o.getClass().getPackageName().equals(SmileBackend.class.getPackageName());
  }

  private static AlgorithmSpec spec(String algorithm, Task task) {
    AlgorithmSpec spec = SmileAlgorithms.find(algorithm).orElse(null);
    if (spec == null || spec.task() != task) {
      throw new BankmlException(
          "the smile backend has no " + task.name().toLowerCase() + " algorithm '" + algorithm
              + "'; valid " + task.name().toLowerCase() + " algorithms are " + SmileAlgorithms.names(task));
    }
    return spec;
  }

  private static Hyperparameters checked(AlgorithmSpec spec, Hyperparameters hp) {
    Objects.requireNonNull(hp, "hyperparameters");
    for (String name : hp.values().keySet()) {
      if (!spec.defaults().containsKey(name)) {
        throw new BankmlException(
            "algorithm '" + spec.name() + "' of the smile backend has no hyperparameter '" + name
                + "'; valid names are " + String.join(", ", new TreeSet<>(spec.defaults().keySet())));
      }
    }
    return hp;
  }
}
