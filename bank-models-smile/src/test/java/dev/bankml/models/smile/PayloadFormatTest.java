package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A damaged or foreign format-2 payload is refused with a message naming the part and value at fault. */
class PayloadFormatTest {
  private final SmileBackend backend = new SmileBackend();

  /** A format-2 payload body after the header, built field by field. */
  private static PayloadWriter body(String algorithm) {
    return new PayloadWriter().header(PayloadFormat.HEADER).text(algorithm);
  }

  /** Gradient boosting over 4 features: one tree of a root split on {@code feature} and two leaves. */
  private static byte[] stump(int feature, int secondChild, int rootCover) {
    return body("gradient-boosting").integer(4).real(-1.0).real(0.1).reals(new double[4])
        .integer(1).integer(3).integer(0)
        .ints(new int[] {feature, TreeEnsemble.LEAF, TreeEnsemble.LEAF})
        .reals(new double[] {0.5, 0, 0})
        .ints(new int[] {secondChild, 0, 0})
        .ints(new int[] {rootCover, 6, 4})
        .reals(new double[] {0, -0.3, 0.7})
        .toByteArray();
  }

  @Test
  void aHandBuiltStumpLoadsAndScoresAsWritten() {
    Classifier c = backend.loadClassifier(stump(2, 2, 10));
    // log-odds = 2 (b + shrinkage * leaf) = 2 (-1 + 0.1 * -0.3) for x2 <= 0.5
    assertThat(c.probability(new double[] {0, 0, 0.5, 0})).isEqualTo(LogisticModel.sigmoid(2 * (-1 + 0.1 * -0.3)));
    assertThat(c.probability(new double[] {0, 0, 0.6, 0})).isEqualTo(LogisticModel.sigmoid(2 * (-1 + 0.1 * 0.7)));
    assertThat(c.probability(new double[] {0, 0, Double.NaN, 0})).isEqualTo(LogisticModel.sigmoid(2 * (-1 + 0.1 * 0.7)));
  }

  @Test
  void aSplitOnAFeatureTheModelDoesNotHaveIsNamed() {
    assertThatThrownBy(() -> backend.loadClassifier(stump(9, 2, 10)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("tree 0, node 0 splits on feature 9; the model has 4 features");
  }

  @Test
  void aChildPointingBackwardsIsRefused() {
    assertThatThrownBy(() -> backend.loadClassifier(stump(2, 0, 10)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("tree 0, node 0 has its second child at node 0");
  }

  @Test
  void coversThatDoNotAddUpAreRefused() {
    assertThatThrownBy(() -> backend.loadClassifier(stump(2, 2, 11)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("node 0 has cover 11 but its children have 6 and 4");
  }

  @Test
  void anUnknownFormatVersionIsRefusedClearly() {
    byte[] payload = backend.saveClassifier(logistic());
    byte[] future = payload.clone();
    future[13] = '7';
    assertThatThrownBy(() -> backend.loadClassifier(future))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("Smile model format 7")
        .hasMessageContaining("reads formats 1 and 2")
        .hasMessageContaining("newer bankml");
  }

  @Test
  void aMissingOrForeignHeaderIsRefused() {
    assertThatThrownBy(() -> backend.loadClassifier(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("not a Smile model written by bankml");
    assertThatThrownBy(() -> backend.loadClassifier("BANKML-SMILE-\n".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("header is missing or wrong");
    assertThatThrownBy(() -> backend.loadClassifier(new byte[0]))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void aNonFiniteCoefficientIsNamed() {
    byte[] payload = body("logistic").integer(2).reals(new double[] {0.5, Double.NaN, 1}).toByteArray();
    assertThatThrownBy(() -> backend.loadClassifier(payload))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("coefficients [1] is NaN");
  }

  @Test
  void anUnknownAlgorithmIsNamed() {
    byte[] payload = body("svm").integer(2).toByteArray();
    assertThatThrownBy(() -> backend.loadClassifier(payload))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("the algorithm 'svm'")
        .hasMessageContaining("logistic, random-forest, gradient-boosting");
  }

  @Test
  void bytesAfterTheModelAreRefused() {
    byte[] payload = backend.saveClassifier(logistic());
    byte[] longer = Arrays.copyOf(payload, payload.length + 3);
    assertThatThrownBy(() -> backend.loadClassifier(longer))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("3 bytes follow the end of the model");
  }

  @Test
  void aClusteringIsNotLoadedAsAClassifierNorTheOtherWayRound() {
    var blobs = Synthetic.blobs(2, 20, 2, 1);
    byte[] kmeans = backend.saveClustering(
        backend.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 2), 1).fit(blobs.x()));
    assertThatThrownBy(() -> backend.loadClassifier(kmeans))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("holds a kmeans clustering, not a classifier");
    assertThatThrownBy(() -> backend.loadClustering(backend.saveClassifier(logistic())))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("holds a logistic classifier, not a clustering");
    assertThatThrownBy(() -> backend.loadClassifier(LegacyPayloadTest.resource("dbscan.payload")))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("holds a dbscan clustering, not a classifier");
  }

  @Test
  void aTruncatedPayloadSaysItIsTruncatedAndWhatIsMissing() {
    byte[] payload = backend.saveClassifier(logistic());
    assertThatThrownBy(() -> backend.loadClassifier(Arrays.copyOf(payload, payload.length - 8)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("coefficients")
        .hasMessageContaining("truncated");
  }

  private Classifier logistic() {
    var d = Synthetic.credit(200, 3, 2);
    return backend.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(d.x(), d.y());
  }
}
