package dev.bankml.models.xgboost;

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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The XGBoost backend ({@code xgboost}, Apache-2.0): XGBoost through its own Java API, without
 * Tribuo. {@code logistic} (XGBoost's linear booster, L1/L2 penalties, exact linear contributions),
 * {@code gradient-boosting} (histogram splits, {@code binary:logistic}, one tree per round,
 * early stopping on a held-out stratified slice of the training rows) and {@code random-forest}
 * (XGBoost's random-forest mode). Scoring runs in Java on the trees read from XGBoost's JSON model;
 * explanations are XGBoost's exact TreeSHAP. Models persist as XGBoost's JSON model format in a
 * checksummed envelope; Java serialisation is never used. No clustering algorithms.
 */
public final class XgboostBackend implements ModelBackend {
  private static final String VERSION = readVersion();

  /** Creates the backend (called by {@link java.util.ServiceLoader}); it holds no state. */
  public XgboostBackend() {}

  /** {@code xgboost}. */
  @Override
  public String name() {
    return "xgboost";
  }

  /** The xgboost4j version, e.g. {@code 2.1.4}. */
  @Override
  public String version() {
    return VERSION;
  }

  /** {@code Apache-2.0}. */
  @Override
  public String licence() {
    return "Apache-2.0";
  }

  /** logistic, gradient-boosting and random-forest with their defaults and search spaces, cheapest first. */
  @Override
  public List<AlgorithmSpec> algorithms() {
    return XgboostAlgorithms.ALL;
  }

  /** A trainer for {@code logistic}, {@code gradient-boosting} or {@code random-forest}. */
  @Override
  public ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    AlgorithmSpec spec = Backends.algorithm(this, algorithm, Task.CLASSIFICATION);
    Hyperparameters h = spec.declared("xgboost", hyperparameters).withDefaults(spec.defaults());
    BoosterSettings settings = switch (spec.name()) {
      case "logistic" -> BoosterSettings.logistic(h, seed);
      case "random-forest" -> BoosterSettings.randomForest(h, seed);
      default -> BoosterSettings.gradientBoosting(h, seed);
    };
    return new XgboostTrainer(spec.name(), settings, seed);
  }

  /** Always refused: this backend has no clustering algorithms. */
  @Override
  public ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    throw new BankmlException("backend 'xgboost' has no clustering algorithm '" + algorithm
        + "'; it offers none (use the tribuo or smile backend for clustering)");
  }

  /** The classifier as XGBoost's JSON model in a checksummed envelope. */
  @Override
  public byte[] saveClassifier(Classifier classifier) {
    if (!(classifier instanceof XgboostModel<?> c)) {
      throw new BankmlException("the xgboost backend can only save its own classifiers, got "
          + Objects.requireNonNull(classifier, "classifier").getClass().getName());
    }
    return XgboostPayload.encode(c.algorithm(), c.featureCount(), c.modelJson());
  }

  /** Reads a classifier written by {@link #saveClassifier}; the model is checked in Java before XGBoost reads it. */
  @Override
  public Classifier loadClassifier(byte[] payload) {
    XgboostPayload.Decoded d = XgboostPayload.decode(payload);
    return XgboostModel.of(d.algorithm(), d.cols(), d.json());
  }

  /** Always refused: this backend has no clusterings. */
  @Override
  public byte[] saveClustering(Clustering clustering) {
    throw new BankmlException("the xgboost backend has no clusterings to save");
  }

  /** Always refused: this backend has no clusterings. */
  @Override
  public Clustering loadClustering(byte[] payload) {
    throw new BankmlException("the xgboost backend has no clusterings to load");
  }


  private static String readVersion() {
    try (InputStream in = XgboostBackend.class.getClassLoader().getResourceAsStream("xgboost4j-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").trim();
        if (!v.isEmpty()) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through: the version is informational
    }
    return "unknown";
  }
}
