package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadAllowListTest {
  private final SmileBackend backend = new SmileBackend();

  private static byte[] payloadOf(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(PayloadCodec.MAGIC);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  @Test
  void aSerializedUrlIsRefusedByName() throws Exception {
    byte[] payload = payloadOf(new URL("http://example.org/"));
    assertThatThrownBy(() -> backend.loadClassifier(payload))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("java.net.URL")
        .hasMessageContaining("allow-list");
  }

  @Test
  void anAllowedCollectionHoldingAForeignClassIsRefused() throws Exception {
    Set<Object> set = new HashSet<>();
    set.add(new URL("http://example.org/"));
    byte[] payload = payloadOf(set);
    assertThatThrownBy(() -> backend.loadClustering(payload))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("java.net.URL");
  }

  @Test
  void anAllowedButWrongTypeIsRefusedAsNotAModel() throws Exception {
    byte[] payload = payloadOf(new java.util.ArrayList<>(List.of("a", "b")));
    assertThatThrownBy(() -> backend.loadClassifier(payload))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("not a Smile classifier");
  }

  @Test
  void aPayloadWithoutTheHeaderIsRefused() {
    assertThatThrownBy(() -> backend.loadClassifier(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("not a Smile model written by bankml");
  }

  @Test
  void aFlippedByteInsideTheObjectStreamIsRefusedWithoutAStrayException() {
    var d = Synthetic.credit(300, 4, 3);
    Classifier c = backend.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(d.x(), d.y());
    byte[] payload = backend.saveClassifier(c);
    for (int pos = PayloadCodec.MAGIC.length; pos < payload.length; pos += Math.max(1, payload.length / 97)) {
      byte[] bad = payload.clone();
      bad[pos] ^= (byte) 0x5A;
      try {
        Classifier back = backend.loadClassifier(bad);
        // A flip inside a double's bits can still parse; it must at least be a working classifier.
        assertThat(back.featureCount()).isEqualTo(4);
      } catch (BankmlException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void primitiveArraysAndSmileClassesAreAllowed() {
    assertThat(PayloadCodec.allowed(double[][].class)).isTrue();
    assertThat(PayloadCodec.allowed(smile.clustering.KMeans.class)).isTrue();
    assertThat(PayloadCodec.allowed(URL[].class)).isFalse();
    assertThat(PayloadCodec.allowed(java.io.File.class)).isFalse();
  }
}
