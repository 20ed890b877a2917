package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Hyperparameters;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final TribuoBackend BACKEND = new TribuoBackend();

  @Test
  void absentHyperparametersTakeTheAlgorithmsDefaults() {
    BoostingTrainer t = (BoostingTrainer) BACKEND.classifierTrainer("xgboost",
        Hyperparameters.DEFAULTS.with("eta", 0.2).with("threads", 3), 9);
    assertThat(t).isEqualTo(new BoostingTrainer(300, 0.2, 3, 5.0, 0.8, 0.8, 1.0, 0.0, 0.0, 3, 9));
  }

  @Test
  void zeroThreadsMeansEveryAvailableProcessor() {
    KMeansClusterer k = (KMeansClusterer) BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS, 1);
    assertThat(k.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> BACKEND.clusteringTrainer("hdbscan", Hyperparameters.DEFAULTS.with("threads", -1), 1))
        .isInstanceOf(BankmlException.class)
        .hasMessage("hyperparameter 'threads' is -1; use 0 for every available processor or a positive count");
  }

  @Test
  void aValueOutOfRangeIsRefusedNamingTheAlgorithmAndTheRange() {
    assertThatThrownBy(() -> BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS.with("l2", 200), 1))
        .isInstanceOf(BankmlException.class)
        .hasMessage("logistic hyperparameter 'l2' is 200.0; must be between 0.0 and 100.0");
    assertThatThrownBy(() -> BACKEND.clusteringTrainer("hdbscan", Hyperparameters.DEFAULTS.with("min_cluster_size", 1), 1))
        .isInstanceOf(BankmlException.class)
        .hasMessage("hdbscan hyperparameter 'min_cluster_size' is 1; must be >= 2");
  }

  @Test
  void anUndeclaredNameIsRefusedListingTheValidOnes() {
    assertThatThrownBy(() -> BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("eta", 1), 1))
        .isInstanceOf(BankmlException.class)
        .hasMessage("unknown hyperparameter 'eta' for tribuo kmeans; valid: k, max_iterations, restarts, threads");
  }
}
