package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.spi.TrainingData;
import java.util.List;
import java.util.Objects;
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
    AlgorithmSpec spec = Backends.algorithm(this, algorithm, Task.CLASSIFICATION);
    Hyperparameters hp = spec.declared("smile", hyperparameters);
    ClassifierTrainer train = switch (spec.name()) {
      case "logistic" -> (x, y, w) -> LogisticModel.train(x, y, w, hp);
      case "random-forest" -> (x, y, w) -> ForestModel.train(x, y, w, hp, seed);
      default -> (x, y, w) -> BoostingModel.train(x, y, w, hp, seed);
    };
    return (x, y, w) -> {
      TrainingData.checkLabelled(x, y, w);
      return SeededTraining.run(seed, spec.name(), () -> train.fit(x, y, w));
    };
  }

  @Override
  public ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    AlgorithmSpec spec = Backends.algorithm(this, algorithm, Task.CLUSTERING);
    Hyperparameters hp = spec.declared("smile", hyperparameters);
    return switch (spec.name()) {
      case "kmeans" -> x -> SeededTraining.run(seed, "kmeans", () -> KMeansModel.train(x, hp));
      case "gmm" -> x -> SeededTraining.run(seed, "gmm", () -> GaussianMixtureModel.train(x, hp));
      default -> x -> SeededTraining.run(seed, "dbscan", () -> DbscanModel.train(x, hp, seed));
    };
  }

  /**
   * The classifier as bankml's own Smile data format (format 2: coefficients or flat tree arrays;
   * see the module README), never Java serialisation.
   */
  @Override
  public byte[] saveClassifier(Classifier classifier) {
    Objects.requireNonNull(classifier, "classifier");
    if (!(classifier instanceof StoredModel m)) {
      throw new BankmlException(
          "the Smile backend can only save classifiers it trained; got " + classifier.getClass().getName());
    }
    return PayloadFormat.write(m);
  }

  /**
   * Reads format 2, or format 1 (the Java-serialised payloads of earlier versions, through a strict
   * filter, converted on reading). Every declared length is checked against the payload before
   * anything is allocated.
   *
   * @throws BankmlException (a subclass naming the part and value at fault) if the payload is
   *     truncated, corrupt, oversized, of an unknown format version, not a classifier, or refused
   */
  @Override
  public Classifier loadClassifier(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return kind(PayloadFormat.read(payload, Task.CLASSIFICATION, "classifier payload"), Classifier.class, Task.CLASSIFICATION);
  }

  /** The clustering as bankml's own Smile data format; see {@link #saveClassifier}. */
  @Override
  public byte[] saveClustering(Clustering clustering) {
    Objects.requireNonNull(clustering, "clustering");
    if (!(clustering instanceof StoredModel m)) {
      throw new BankmlException(
          "the Smile backend can only save clusterings it fitted; got " + clustering.getClass().getName());
    }
    return PayloadFormat.write(m);
  }

  /** Reads a clustering payload; see {@link #loadClassifier}. */
  @Override
  public Clustering loadClustering(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return kind(PayloadFormat.read(payload, Task.CLUSTERING, "clustering payload"), Clustering.class, Task.CLUSTERING);
  }

  private static <T> T kind(Object model, Class<T> type, Task task) {
    if (!type.isInstance(model)) {
      String algorithm = model instanceof StoredModel m ? m.algorithm() + " " : "";
      Task other = task == Task.CLASSIFICATION ? Task.CLUSTERING : Task.CLASSIFICATION;
      throw new PayloadException("the payload holds a " + algorithm + PayloadFormat.noun(other) + ", not a "
          + PayloadFormat.noun(task));
    }
    return type.cast(model);
  }


}
