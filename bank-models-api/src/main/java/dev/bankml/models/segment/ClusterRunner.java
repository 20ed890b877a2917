package dev.bankml.models.segment;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.metrics.Inertia;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits one clustering algorithm of one backend through the SPI, at a given number of clusters
 * when the algorithm takes one, with restarts (k-means: keep the lowest inertia) done by the backend
 * when it declares a restarts hyperparameter and here otherwise.
 */
final class ClusterRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRunner.class);
  private static final List<String> K_NAMES = List.of("k", "clusters", "n_clusters", "centroids", "components");
  private static final List<String> RESTART_NAMES = List.of("restarts", "n_init", "runs", "ninit");

  private final ModelBackend backend;
  private final AlgorithmSpec spec;
  private final Hyperparameters hyperparameters;
  private final int restarts;
  private final Optional<String> kName;
  private final Optional<String> restartName;

  ClusterRunner(ModelBackend backend, String algorithm, Hyperparameters hyperparameters, int restarts) {
    this.backend = backend;
    this.spec = Backends.algorithm(backend, algorithm, Task.CLUSTERING);
    this.hyperparameters = hyperparameters;
    this.restarts = restarts;
    this.kName = firstKey(spec.defaults(), K_NAMES)
        .or(() -> List.of("kmeans", "gmm").contains(spec.name().toLowerCase(Locale.ROOT))
            ? Optional.of("k") : Optional.empty());
    this.restartName = firstKey(spec.defaults(), RESTART_NAMES);
  }

  private static Optional<String> firstKey(Map<String, Object> defaults, List<String> names) {
    for (String name : names) {
      for (String key : defaults.keySet()) {
        if (key.equalsIgnoreCase(name)) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the algorithm is told the number of clusters (k-means, mixtures) rather than finding it. */
  boolean takesK() {
    return kName.isPresent();
  }

  String algorithm() {
    return spec.name();
  }

  ModelBackend backend() {
    return backend;
  }

  /** The hyperparameters actually passed to the backend for {@code k} (ignored without takesK). */
  Hyperparameters hyperparameters(int k) {
    Hyperparameters h = hyperparameters;
    if (kName.isPresent()) {
      h = h.with(kName.get(), k);
    }
    if (restartName.isPresent() && !hyperparameters.values().containsKey(restartName.get())) {
      h = h.with(restartName.get(), restarts);
    }
    return h;
  }

  /** Fits at {@code k} clusters with {@code seed}, keeping the best of the restarts. */
  Clustering fit(FeatureMatrix x, int k, long seed) {
    Hyperparameters h = hyperparameters(k);
    int own = kName.isPresent() && restartName.isEmpty() && isKMeans() ? Math.max(1, restarts) : 1;
    Clustering best = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    for (int r = 0; r < own; r++) {
      Clustering c = backend.clusteringTrainer(spec.name(), h, seed + 7919L * r).fit(x);
      if (own == 1) {
        return c;
      }
      double inertia = Inertia.of(x, c.trainingLabels());
      LOG.debug("{} k={} restart {}: inertia {}", spec.name(), k, r, inertia);
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = c;
      }
    }
    return best;
  }

  private boolean isKMeans() {
    return spec.name().toLowerCase(Locale.ROOT).contains("kmeans");
  }
}
