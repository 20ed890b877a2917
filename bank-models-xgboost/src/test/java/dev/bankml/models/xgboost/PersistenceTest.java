package dev.bankml.models.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersistenceTest {
  static final XgboostBackend BACKEND = new XgboostBackend();
  static Data data;
  static XgboostClassifier model;

  @BeforeAll
  static void fit() {
    data = Data.loans(600, 4, 8, 0);
    model = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting",
        Hyperparameters.DEFAULTS.with("threads", 1).with("rounds", 30), 2).fit(data.x(), data.y());
  }

  @Test
  void payloadIsXgboostsOwnJsonModelNotJavaSerialisation() {
    byte[] payload = BACKEND.saveClassifier(model);
    assertThat(new String(payload, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("BKMLXGBM");
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("\"objective\":{\"name\":\"binary:logistic\"").contains("\"gradient_booster\"");
    assertThat(text).doesNotContain("\u00ac\u00ed"); // Java serialisation streams start with 0xACED
  }

  @Test
  void roundTripKeepsPredictionsContributionsAndImportances() {
    Classifier back = BACKEND.loadClassifier(BACKEND.saveClassifier(model));
    assertThat(back.probabilities(data.x())).containsExactly(model.probabilities(data.x()));
    assertThat(back.featureImportance().orElseThrow()).containsExactly(model.featureImportance().orElseThrow());
    double[] row = data.x().row(3);
    assertThat(back.contributions(row).orElseThrow().perFeature())
        .containsExactly(model.contributions(row).orElseThrow().perFeature());
  }

  @Test
  void everySingleFlippedByteIsRefused() {
    byte[] payload = BACKEND.saveClassifier(model);
    for (int i = 0; i < payload.length; i += Math.max(1, payload.length / 300)) {
      byte[] bad = payload.clone();
      bad[i] ^= 0x10;
      int at = i;
      assertThatThrownBy(() -> BACKEND.loadClassifier(bad)).as("byte %d flipped", at).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void truncatedPayloadIsRefusedWithAClearMessage() {
    byte[] payload = BACKEND.saveClassifier(model);
    assertThatThrownBy(() -> BACKEND.loadClassifier(Arrays.copyOf(payload, payload.length - 1)))
        .isInstanceOf(BankmlException.class).hasMessageContaining("corrupt");
  }

  @Test
  void newerFormatVersionIsRefused() {
    byte[] payload = BACKEND.saveClassifier(model);
    payload[11] = 2; // the format version int follows the 8-byte magic
    assertThatThrownBy(() -> BACKEND.loadClassifier(resealed(payload)))
        .isInstanceOf(BankmlException.class).hasMessageContaining("format version 2");
  }

  @Test
  void unknownAlgorithmIsRefused() {
    byte[] payload = XgboostPayload.encode("dart", model.featureCount(), model.modelJson());
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload))
        .isInstanceOf(BankmlException.class).hasMessageContaining("'dart'");
  }

  @Test
  void aPayloadOverTheSizeLimitIsRefusedBeforeItIsRead() {
    assertThatThrownBy(() -> XgboostPayload.decode(new byte[XgboostPayload.MAX_BYTES + 1]))
        .isInstanceOf(BankmlException.class).hasMessageContaining("limit");
  }

  @Test
  void modelsThisBackendDoesNotWriteAreRefusedBeforeXgboostReadsThem() {
    assertRefused(root -> ((ObjectNode) root.at("/learner/objective")).put("name", "reg:squarederror"),
        "binary:logistic");
    assertRefused(root -> ((ObjectNode) root.at("/learner/learner_model_param")).put("num_feature", "9"), "9 features");
    assertRefused(root -> ((ArrayNode) root.at("/learner/gradient_booster/model/trees/0/split_type")).set(0, 1),
        "malformed");
    assertRefused(root -> ((ArrayNode) root.at("/learner/gradient_booster/model/trees/0/split_indices")).set(0, 99),
        "malformed");
    // A cycle: the root's left child points back at the root.
    assertRefused(root -> {
      ArrayNode left = (ArrayNode) root.at("/learner/gradient_booster/model/trees/1/left_children");
      ArrayNode right = (ArrayNode) root.at("/learner/gradient_booster/model/trees/1/right_children");
      left.set(1, 0);
      right.set(1, 0);
    }, "twice");
    assertRefused(root -> ((ArrayNode) root.at("/learner/gradient_booster/model/trees/0/left_children")).remove(0),
        "different lengths");
    assertRefused(root -> ((ObjectNode) root.at("/learner/gradient_booster/model/gbtree_model_param"))
        .put("num_trees", "1"), "declares 1 trees");
  }

  @Test
  void jsonThatIsNotAModelIsRefused() {
    for (String json : new String[] {"{}", "[]", "null", "{\"learner\":{}}", "{\"learner\":{\"objective\":", "\u0000"}) {
      byte[] payload = XgboostPayload.encode("gradient-boosting", 4, json.getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> BACKEND.loadClassifier(payload)).as(json).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String json = "[".repeat(5000) + "]".repeat(5000);
    byte[] payload = XgboostPayload.encode("gradient-boosting", 4, json.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload)).isInstanceOf(BankmlException.class);
  }

  @Test
  void onlyItsOwnClassifiersAreSavedAndThereAreNoClusterings() {
    Classifier foreign = new Classifier() {
      @Override
      public String algorithm() {
        return "x";
      }

      @Override
      public int featureCount() {
        return 1;
      }

      @Override
      public double probability(double[] row) {
        return 0.5;
      }

      @Override
      public double[] probabilities(dev.bankml.features.FeatureMatrix x) {
        return new double[x.rows()];
      }
    };
    assertThatThrownBy(() -> BACKEND.saveClassifier(foreign)).isInstanceOf(BankmlException.class);
    assertThatThrownBy(() -> BACKEND.loadClustering(new byte[10])).isInstanceOf(BankmlException.class);
    assertThat(BACKEND.algorithms()).allMatch(a -> a.task() == dev.bankml.models.spi.Task.CLASSIFICATION);
  }

  private static void assertRefused(Consumer<ObjectNode> edit, String message) {
    ObjectNode root = (ObjectNode) ModelJson.tree(model.modelJson());
    edit.accept(root);
    byte[] payload = XgboostPayload.encode("gradient-boosting", model.featureCount(),
        root.toString().getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload)).isInstanceOf(BankmlException.class)
        .hasMessageContaining(message);
  }

  private static byte[] resealed(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload, 0, payload.length - 8);
    ByteBuffer.wrap(payload, payload.length - 8, 8).putLong(crc.getValue());
    return payload;
  }
}
