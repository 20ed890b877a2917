package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saving writes bankml's own data format (never Java serialisation), and a loaded model answers
 * exactly as the trained one: the same bits for every probability, contribution and assignment.
 */
class PayloadRoundTripTest {
  private final SmileBackend backend = new SmileBackend();
  private final Synthetic.Labelled train = Synthetic.credit(600, 5, 31);
  private final FeatureMatrix probe = Synthetic.credit(300, 5, 32).x();

  @ParameterizedTest
  @ValueSource(strings = {"logistic", "random-forest", "gradient-boosting"})
  void aLoadedClassifierAnswersExactlyAsTheTrainedOne(String algorithm) {
    Classifier trained = backend.classifierTrainer(algorithm, Hyperparameters.DEFAULTS, 5).fit(train.x(), train.y());
    byte[] payload = backend.saveClassifier(trained);
    assertThat(header(payload)).isEqualTo("BANKML-SMILE-2\n");
    Classifier loaded = backend.loadClassifier(payload);
    assertThat(loaded.algorithm()).isEqualTo(algorithm);
    assertThat(loaded.featureCount()).isEqualTo(5);
    assertThat(loaded.probabilities(probe)).containsExactly(trained.probabilities(probe));
    assertThat(loaded.featureImportance().orElseThrow()).containsExactly(trained.featureImportance().orElseThrow());
    for (int i = 0; i < 40; i++) {
      double[] row = probe.row(i);
      assertThat(loaded.probability(row)).isEqualTo(trained.probability(row));
      var a = loaded.contributions(row).orElseThrow();
      var b = trained.contributions(row).orElseThrow();
      assertThat(a.base()).isEqualTo(b.base());
      assertThat(a.perFeature()).containsExactly(b.perFeature());
    }
    assertThat(backend.saveClassifier(loaded)).as("saving again gives the same bytes").isEqualTo(payload);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmeans", "gmm", "gmm-diagonal", "dbscan"})
  void aLoadedClusteringAssignsExactlyAsTheFittedOne(String name) {
    Synthetic.Blobs blobs = Synthetic.blobs(3, 70, 3, 33);
    Hyperparameters hp = switch (name) {
      case "dbscan" -> Hyperparameters.DEFAULTS;
      case "gmm-diagonal" -> Hyperparameters.DEFAULTS.with("k", 3).with("covariance", "diagonal");
      default -> Hyperparameters.DEFAULTS.with("k", 3);
    };
    Clustering fitted = backend.clusteringTrainer(name.replace("-diagonal", ""), hp, 5).fit(blobs.x());
    byte[] payload = backend.saveClustering(fitted);
    assertThat(header(payload)).isEqualTo("BANKML-SMILE-2\n");
    Clustering loaded = backend.loadClustering(payload);
    assertThat(loaded.algorithm()).isEqualTo(fitted.algorithm());
    assertThat(loaded.k()).isEqualTo(fitted.k());
    assertThat(loaded.trainingLabels()).containsExactly(fitted.trainingLabels());
    assertThat(loaded.bic()).isEqualTo(fitted.bic());
    assertThat(loaded.centroids().isPresent()).isEqualTo(fitted.centroids().isPresent());
    fitted.centroids().ifPresent(c -> assertThat(loaded.centroids().orElseThrow()).isDeepEqualTo(c));
    FeatureMatrix wide = Synthetic.blobs(3, 70, 3, 34).x();
    assertThat(loaded.assign(wide)).containsExactly(fitted.assign(wide));
    assertThat(loaded.assign(blobs.x())).containsExactly(fitted.assign(blobs.x()));
    assertThat(backend.saveClustering(loaded)).isEqualTo(payload);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logistic", "random-forest", "gradient-boosting"})
  void aLegacyClassifierSavedAgainIsFormatTwoAndAnswersTheSame(String name) {
    Classifier legacy = backend.loadClassifier(LegacyPayloadTest.resource(name + ".payload"));
    byte[] payload = backend.saveClassifier(legacy);
    assertThat(header(payload)).isEqualTo("BANKML-SMILE-2\n");
    Classifier again = backend.loadClassifier(payload);
    FeatureMatrix x = Synthetic.credit(100, 4, 35).x();
    assertThat(again.probabilities(x)).containsExactly(legacy.probabilities(x));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmeans", "gmm", "gmm-diagonal", "dbscan"})
  void aLegacyClusteringSavedAgainIsFormatTwoAndAssignsTheSame(String name) {
    Clustering legacy = backend.loadClustering(LegacyPayloadTest.resource(name + ".payload"));
    Clustering again = backend.loadClustering(backend.saveClustering(legacy));
    FeatureMatrix x = Synthetic.blobs(3, 40, 2, 103).x();
    assertThat(again.assign(x)).containsExactly(legacy.assign(x));
    assertThat(again.trainingLabels()).containsExactly(legacy.trainingLabels());
  }

  static String header(byte[] payload) {
    return new String(payload, 0, Math.min(15, payload.length), StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
