package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmileClusteringTest {
  private final SmileBackend backend = new SmileBackend();

  @Test
  void gaussianMixtureReportsAConventionalBicThatPrefersTheTrueK() {
    var blobs = Synthetic.blobs(3, 150, 2, 4);
    double[] bic = new double[6];
    for (int k = 2; k <= 5; k++) {
      Clustering c = backend.clusteringTrainer("gmm", Hyperparameters.DEFAULTS.with("k", k), 1).fit(blobs.x());
      assertThat(c.bic()).isPresent();
      bic[k] = c.bic().getAsDouble();
    }
    assertThat(bic[3]).as("BIC at the true k (3) vs k=2 and k=5").isLessThan(bic[2]).isLessThan(bic[5]);
  }

  @Test
  void gaussianMixtureSurvivesSaveAndLoadWithItsBic() {
    var blobs = Synthetic.blobs(3, 60, 2, 5);
    Clustering c = backend.clusteringTrainer("gmm", Hyperparameters.DEFAULTS.with("k", 3), 1).fit(blobs.x());
    Clustering back = backend.loadClustering(backend.saveClustering(c));
    assertThat(back.bic()).isEqualTo(c.bic());
    assertThat(back.centroids().orElseThrow()).hasNumberOfRows(3);
  }

  @Test
  void dbscanMarksAFarAwayPointAsNoise() {
    var blobs = Synthetic.blobs(3, 100, 2, 6);
    double[][] rows = blobs.x().toRowArrays();
    double[][] withOutlier = Arrays.copyOf(rows, rows.length + 1);
    withOutlier[rows.length] = new double[] {500, 500};
    Clustering c = backend.clusteringTrainer("dbscan", Hyperparameters.DEFAULTS, 1)
        .fit(FeatureMatrix.of(withOutlier, List.of("a", "b")));
    assertThat(c.k()).isEqualTo(3);
    assertThat(c.trainingLabels()[rows.length]).isEqualTo(Clustering.NOISE);
    assertThat(c.assign(new double[] {-400, 900})).isEqualTo(Clustering.NOISE);
  }

  @Test
  void kmeansRestartsNeverDoWorseThanOneRun() {
    var blobs = Synthetic.blobs(8, 40, 4, 7);
    double one = ((KMeansModel) backend.clusteringTrainer("kmeans",
        Hyperparameters.DEFAULTS.with("k", 8).with("restarts", 1), 3).fit(blobs.x())).inertia();
    double many = ((KMeansModel) backend.clusteringTrainer("kmeans",
        Hyperparameters.DEFAULTS.with("k", 8).with("restarts", 6), 3).fit(blobs.x())).inertia();
    assertThat(many).isLessThanOrEqualTo(one);
  }

  @Test
  void missingValuesAreRefusedWithTheirPlace() {
    FeatureMatrix x = FeatureMatrix.of(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}, {7, 8}}, List.of("income", "age"));
    assertThatThrownBy(() -> backend.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 2), 1).fit(x))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("age")
        .hasMessageContaining("row 1");
  }

  @Test
  void anUnknownCovarianceIsRefusedWithTheValidValues() {
    var blobs = Synthetic.blobs(2, 20, 2, 8);
    assertThatThrownBy(() -> backend.clusteringTrainer("gmm",
            Hyperparameters.DEFAULTS.with("covariance", "spherical"), 1).fit(blobs.x()))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("full, diagonal");
  }
}
