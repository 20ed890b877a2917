package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersistenceTest {
  static final TribuoBackend BACKEND = new TribuoBackend();
  static Synthetic train;
  static Classifier logistic;
  static Classifier forest;

  @BeforeAll
  static void fit() {
    train = Synthetic.loans(800, 21);
    logistic = BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(train.x, train.y);
    forest = BACKEND.classifierTrainer("random-forest",
        Hyperparameters.DEFAULTS.with("trees", 10).with("threads", 1), 1).fit(train.x, train.y);
  }

  @Test
  void payloadIsTribuoProtobufNotJavaSerialisation() {
    byte[] payload = BACKEND.saveClassifier(logistic);
    assertThat(new String(payload, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("BKMLTRIB");
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("org.tribuo.classification.sgd.linear.LinearSGDModel");
    // Java serialisation streams start with 0xACED.
    assertThat(text).doesNotContain("\u00ac\u00ed");
  }

  @Test
  void forestRoundTripKeepsPredictionsAndImportances() {
    Classifier back = BACKEND.loadClassifier(BACKEND.saveClassifier(forest));
    assertThat(back.probabilities(train.x)).containsExactly(forest.probabilities(train.x));
    assertThat(back.featureImportance().orElseThrow()).containsExactly(forest.featureImportance().orElseThrow());
  }

  @Test
  void everySingleFlippedByteIsRefused() {
    byte[] payload = BACKEND.saveClassifier(logistic);
    for (int i = 0; i < payload.length; i += Math.max(1, payload.length / 200)) {
      byte[] bad = payload.clone();
      bad[i] ^= 0x10;
      int at = i;
      assertThatThrownBy(() -> BACKEND.loadClassifier(bad)).as("byte %d flipped", at)
          .isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void truncatedPayloadIsRefusedWithAClearMessage() {
    byte[] payload = BACKEND.saveClassifier(logistic);
    assertThatThrownBy(() -> BACKEND.loadClassifier(Arrays.copyOf(payload, payload.length - 1)))
        .isInstanceOf(BankmlException.class).hasMessageContaining("corrupt");
  }

  @Test
  void payloadNamingAnotherModelClassIsRefusedBeforeTribuoLoadsIt() {
    TribuoClassifier<?> f = (TribuoClassifier<?>) forest;
    byte[] lying = TribuoPayload.encode('C', "logistic", 7, f.model(), new int[0], new double[0]);
    assertThatThrownBy(() -> BACKEND.loadClassifier(lying))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("org.tribuo.ensemble.WeightedEnsembleModel")
        .hasMessageContaining("refused");
  }

  @Test
  void newerFormatVersionIsRefused() {
    byte[] payload = BACKEND.saveClassifier(logistic);
    payload[11] = 2; // format version int follows the 8-byte magic
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(payload, 0, payload.length - 8);
    java.nio.ByteBuffer.wrap(payload, payload.length - 8, 8).putLong(crc.getValue());
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload))
        .isInstanceOf(BankmlException.class).hasMessageContaining("format version 2");
  }

  @Test
  void clusteringPayloadIsNotAClassifier() {
    Synthetic blobs = Synthetic.blobs(300, 3, 2, 0.5, 3);
    Clustering c = BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 3), 1).fit(blobs.x);
    byte[] payload = BACKEND.saveClustering(c);
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload))
        .isInstanceOf(BankmlException.class).hasMessageContaining("expected a classifier");
    Clustering back = BACKEND.loadClustering(payload);
    assertThat(back.trainingLabels()).containsExactly(c.trainingLabels());
    assertThat(back.assign(blobs.x)).containsExactly(c.assign(blobs.x));
    assertThat(back.centroids().orElseThrow()).isDeepEqualTo(c.centroids().orElseThrow());
  }
}
