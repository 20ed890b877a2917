package dev.bankml.models.spi;

import java.util.List;

/**
 * A machine-learning library behind bankml's API, found at run time with
 * {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/dev.bankml.models.spi.ModelBackend}). Implementations need a public
 * no-argument constructor.
 */
public interface ModelBackend {
  /** Short name users type, e.g. {@code tribuo}. */
  String name();

  /** Version of the underlying library. */
  String version();

  /** Licence of the underlying library (SPDX id), e.g. {@code Apache-2.0}, {@code GPL-3.0}. */
  String licence();

  /** Every algorithm offered, classifiers and clusterers. */
  List<AlgorithmSpec> algorithms();

  /**
   * A trainer for classification algorithm {@code algorithm} with {@code hyperparameters} (absent
   * names take the algorithm's defaults) and random {@code seed}.
   *
   * @throws dev.bankml.data.BankmlException if the algorithm is unknown or a value is invalid
   */
  ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed);

  /** A trainer for clustering algorithm {@code algorithm}; see {@link #classifierTrainer}. */
  ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters hyperparameters, long seed);

  /** The backend's own persistent form of {@code classifier} (Tribuo: protobuf). */
  byte[] saveClassifier(Classifier classifier);

  /**
   * Reads a classifier written by {@link #saveClassifier}. Never deserialises classes outside an
   * allow-list.
   *
   * @throws dev.bankml.data.BankmlException if the payload is corrupt or names a refused class
   */
  Classifier loadClassifier(byte[] payload);

  /** The backend's own persistent form of {@code clustering}. */
  byte[] saveClustering(Clustering clustering);

  /** Reads a clustering written by {@link #saveClustering}; see {@link #loadClassifier}. */
  Clustering loadClustering(byte[] payload);
}
