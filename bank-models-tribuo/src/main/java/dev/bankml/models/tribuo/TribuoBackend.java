package dev.bankml.models.tribuo;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * The Tribuo backend (Apache-2.0): logistic regression, random forest and XGBoost classifiers;
 * k-means and HDBSCAN clustering. Models persist in Tribuo's protobuf format inside a checksummed
 * envelope; Java serialisation is never used.
 */
public final class TribuoBackend implements ModelBackend {
  private static final Map<String, Factory<ClassifierTrainer>> CLASSIFIERS = Map.of(
      TribuoAlgorithms.LOGISTIC.name(), LogisticTrainer::new,
      TribuoAlgorithms.RANDOM_FOREST.name(), ForestTrainer::new,
      TribuoAlgorithms.XGBOOST.name(), BoostingTrainer::new);
  private static final Map<String, Factory<ClusteringTrainer>> CLUSTERERS = Map.of(
      TribuoAlgorithms.KMEANS.name(), KMeansClusterer::new,
      TribuoAlgorithms.HDBSCAN.name(), (settings, seed) -> new HdbscanClusterer(settings));

  /** Makes the trainer of one algorithm from its checked settings and the seed. */
  @FunctionalInterface
  private interface Factory<T> {
    T create(Settings settings, long seed);
  }

  /** Creates the backend (called by {@link java.util.ServiceLoader}). */
  public TribuoBackend() {}

  /** {@code tribuo}. */
  @Override
  public String name() {
    return "tribuo";
  }

  /** The Tribuo library version, e.g. {@code 4.3.2}. */
  @Override
  public String version() {
    return Tribuo.VERSION;
  }

  /** {@code Apache-2.0}. */
  @Override
  public String licence() {
    return "Apache-2.0";
  }

  /** logistic, random-forest, xgboost, kmeans, hdbscan with their defaults and search spaces. */
  @Override
  public List<AlgorithmSpec> algorithms() {
    return TribuoAlgorithms.ALL;
  }

  /** A trainer for {@code logistic}, {@code random-forest} or {@code xgboost}. */
  @Override
  public ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    return trainer(CLASSIFIERS, Task.CLASSIFICATION, algorithm, hyperparameters, seed);
  }

  /** A trainer for {@code kmeans} or {@code hdbscan}. */
  @Override
  public ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    return trainer(CLUSTERERS, Task.CLUSTERING, algorithm, hyperparameters, seed);
  }

  /** The classifier as a checksummed envelope around Tribuo's protobuf model. */
  @Override
  public byte[] saveClassifier(Classifier classifier) {
    if (!(classifier instanceof TribuoClassifier<?> c)) {
      throw new BankmlException("the tribuo backend can only save its own classifiers, got "
          + Objects.requireNonNull(classifier, "classifier").getClass().getName());
    }
    double[] extras = c instanceof ForestClassifier f ? f.featureImportance().orElseThrow() : new double[0];
    return TribuoPayload.encode('C', c.algorithm(), c.featureCount(), c.model(), new int[0], extras);
  }

  /** Reads a classifier written by {@link #saveClassifier}. */
  @Override
  @SuppressWarnings("unchecked")
  public Classifier loadClassifier(byte[] payload) {
    TribuoPayload.Decoded d = TribuoPayload.decode(payload, 'C');
    Model<?> m = d.model();
    return switch (d.algorithm()) {
      case "logistic" -> new LinearClassifier((LinearSGDModel) m, d.cols());
      case "random-forest" -> new ForestClassifier((WeightedEnsembleModel<Label>) m, d.cols(), d.extras());
      case "xgboost" -> new BoostedClassifier((XGBoostModel<Label>) m, d.cols());
      default -> throw new BankmlException("payload holds '" + d.algorithm()
          + "', which is not a Tribuo classifier");
    };
  }

  /** The clustering as a checksummed envelope around Tribuo's protobuf model and the training labels. */
  @Override
  public byte[] saveClustering(Clustering clustering) {
    if (!(clustering instanceof TribuoClustering<?> c)) {
      throw new BankmlException("the tribuo backend can only save its own clusterings, got "
          + Objects.requireNonNull(clustering, "clustering").getClass().getName());
    }
    int[] labels = c instanceof KMeansClustering ? c.trainingLabels() : new int[0];
    return TribuoPayload.encode('K', c.algorithm(), c.featureCount(), c.model(), labels, new double[0]);
  }

  /** Reads a clustering written by {@link #saveClustering}. */
  @Override
  public Clustering loadClustering(byte[] payload) {
    TribuoPayload.Decoded d = TribuoPayload.decode(payload, 'K');
    return switch (d.algorithm()) {
      case "kmeans" -> {
        KMeansModel m = (KMeansModel) d.model();
        KMeansClustering c = new KMeansClustering(m, d.cols(), d.labels(), Double.NaN);
        yield c;
      }
      case "hdbscan" -> new HdbscanClustering((HdbscanModel) d.model(), d.cols());
      default -> throw new BankmlException("payload holds '" + d.algorithm()
          + "', which is not a Tribuo clustering");
    };
  }

  /** The trainer of {@code algorithm} from {@code factories}, after its name and hyperparameters are checked. */
  private <T> T trainer(Map<String, Factory<T>> factories, Task task, String algorithm, Hyperparameters h, long seed) {
    AlgorithmSpec spec = Backends.algorithm(this, algorithm, task);
    return factories.get(spec.name()).create(Settings.of(spec, h), seed);
  }
}
