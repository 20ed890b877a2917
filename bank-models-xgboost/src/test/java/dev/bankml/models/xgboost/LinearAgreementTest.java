package dev.bankml.models.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.BankmlException;
import dev.bankml.models.explain.Explainer;
import dev.bankml.models.explain.Explanation;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code logistic} is XGBoost's linear booster: our Java scoring equals XGBoost's own native
 * prediction, its contributions are XGBoost's linear terms moved to the training baseline, and it
 * is saved as XGBoost's JSON model.
 */
class LinearAgreementTest {
  static final XgboostBackend BACKEND = new XgboostBackend();
  static LinearClassifier model;
  static Booster nativeModel;

  @BeforeAll
  static void fit() throws Exception {
    model = (LinearClassifier) BACKEND.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("threads", 1).with("l2", 2.0).with("l1", 0.2), 3)
        .fit(Data.TRAIN.x(), Data.TRAIN.y());
    nativeModel = XGBoost.loadModel(model.modelJson());
  }

  @AfterAll
  static void dispose() {
    nativeModel.dispose();
  }

  @Test
  void theModelIsXgboostsLinearBoosterWithBinaryLogistic() {
    var root = ModelJson.tree(model.modelJson());
    assertThat(root.at("/learner/gradient_booster/name").asText()).isEqualTo("gblinear");
    assertThat(root.at("/learner/objective/name").asText()).isEqualTo("binary:logistic");
    assertThat(root.at("/learner/gradient_booster/model/weights").size()).isEqualTo(8 + 1);
  }

  @Test
  void javaMarginsEqualXgboostMarginsBitForBitIncludingMissingValues() throws Exception {
    DMatrix m = Native.matrix(Data.TEST.x());
    float[][] expected = nativeModel.predict(m, true);
    m.dispose();
    int missing = 0;
    for (int i = 0; i < Data.TEST.x().rows(); i++) {
      double[] row = Data.TEST.x().row(i);
      missing += Arrays.stream(row).anyMatch(Double::isNaN) ? 1 : 0;
      assertThat(model.margin(row)).as("row %d", i).isEqualTo(expected[i][0]);
    }
    assertThat(missing).as("rows with a missing value").isGreaterThan(50);
  }

  @Test
  void probabilitiesEqualXgboostPredictionsToFloatPrecision() throws Exception {
    DMatrix m = Native.matrix(Data.TEST.x());
    float[][] expected = nativeModel.predict(m);
    m.dispose();
    double[] ours = model.probabilities(Data.TEST.x());
    for (int i = 0; i < ours.length; i++) {
      assertThat(ours[i]).as("row %d", i).isCloseTo(expected[i][0], within(1e-7));
    }
  }

  @Test
  void contributionsAreXgboostsLinearTermsMeasuredFromTheTrainingMeans() throws Exception {
    double[] baseline = LinearModel.baselineOf(Data.TRAIN.x());
    float[] w = model.model().weights();
    for (int i = 0; i < 40; i++) {
      double[] row = Data.TEST.x().row(i);
      Contributions c = model.contributions(row).orElseThrow();
      DMatrix m = Native.matrix(row);
      float[] xgb = nativeModel.predictContrib(m, 0)[0];
      m.dispose();
      // XGBoost's terms are w_j * x_j from 0 with the bias as base; ours are w_j * (x_j - mean_j).
      double shift = 0;
      for (int j = 0; j < row.length; j++) {
        assertThat(c.perFeature()[j] + w[j] * baseline[j]).as("row %d feature %d", i, j)
            .isCloseTo(xgb[j], within(1e-6));
        shift += w[j] * baseline[j];
      }
      assertThat(c.base() - shift).isCloseTo(xgb[row.length], within(1e-6));
      double sum = c.base() + Arrays.stream(c.perFeature()).sum();
      assertThat(sum).as("row %d", i).isCloseTo(model.margin(row), within(1e-5));
    }
  }

  @Test
  void theBaselineIsTheExplainersSoTheAverageApplicantHasNoReasons() {
    Data complete = Data.loans(2000, 8, 1, 0);
    LinearClassifier c = (LinearClassifier) BACKEND.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("threads", 1), 3).fit(complete.x(), complete.y());
    Explainer explainer = Explainer.of(c, complete.x());
    assertThat(LinearModel.baselineOf(complete.x())).containsExactly(explainer.baseline());
    Explanation e = explainer.explain(explainer.baseline());
    assertThat(e.method()).isEqualTo("exact");
    assertThat(e.contributions()).allSatisfy(k -> assertThat(k.logOdds()).isCloseTo(0.0, within(1e-6)));
    assertThat(e.baseLogOdds()).isCloseTo(c.margin(explainer.baseline()), within(1e-5));
  }

  @Test
  void featureImportanceIsTheSizeOfEachCoefficient() {
    double[] imp = model.featureImportance().orElseThrow();
    float[] w = model.model().weights();
    for (int j = 0; j < w.length; j++) {
      assertThat(imp[j]).isEqualTo(Math.abs(w[j]));
    }
    // The signal is strongest in feature 0; features 3 to 6 are noise.
    for (int noise = 3; noise <= 6; noise++) {
      assertThat(imp[0]).isGreaterThan(imp[noise]);
    }
  }

  @Test
  void penaltiesShrinkTheCoefficients() {
    double plain = l1(fitWith(Hyperparameters.DEFAULTS.with("l2", 0.0)));
    assertThat(l1(fitWith(Hyperparameters.DEFAULTS.with("l2", 200.0)))).isLessThan(plain);
    float[] sparse = fitWith(Hyperparameters.DEFAULTS.with("l1", 100.0)).model().weights();
    assertThat(l1(fitWith(Hyperparameters.DEFAULTS.with("l1", 100.0)))).isLessThan(plain);
    assertThat(count(sparse)).as("coefficients an L1 penalty sets to exactly 0").isGreaterThan(0);
  }

  @Test
  void thePenaltyIsOnTheWholeTrainingSetAsScikitLearnsInverseC() {
    // Doubling every row's weight doubles the total log loss; doubling l2 and l1 with it doubles the
    // whole objective, so the fitted model is the same. (A per-row penalty would not need the doubling.)
    Hyperparameters h = Hyperparameters.DEFAULTS.with("threads", 1).with("l2", 20.0).with("l1", 1.0);
    double[] one = new double[Data.TRAIN.y().length];
    double[] two = new double[Data.TRAIN.y().length];
    Arrays.fill(one, 1);
    Arrays.fill(two, 2);
    LinearClassifier base = (LinearClassifier) BACKEND.classifierTrainer("logistic", h, 3)
        .fit(Data.TRAIN.x(), Data.TRAIN.y(), one);
    LinearClassifier doubled = (LinearClassifier) BACKEND.classifierTrainer("logistic",
        h.with("l2", 40.0).with("l1", 2.0), 3).fit(Data.TRAIN.x(), Data.TRAIN.y(), two);
    LinearClassifier heavier = (LinearClassifier) BACKEND.classifierTrainer("logistic", h, 3)
        .fit(Data.TRAIN.x(), Data.TRAIN.y(), two);
    float[] w = base.model().weights();
    for (int j = 0; j < w.length; j++) {
      assertThat(doubled.model().weights()[j]).as("feature %d", j).isCloseTo(w[j], within(1e-5f));
    }
    assertThat(l1(heavier)).as("same penalty, twice the data weight: less shrinkage").isGreaterThan(l1(base));
  }

  @Test
  void roundTripKeepsPredictionsAndContributions() {
    Classifier back = BACKEND.loadClassifier(BACKEND.saveClassifier(model));
    assertThat(back).isInstanceOf(LinearClassifier.class);
    assertThat(back.probabilities(Data.TEST.x())).containsExactly(model.probabilities(Data.TEST.x()));
    double[] row = Data.TEST.x().row(5);
    assertThat(back.contributions(row).orElseThrow().perFeature())
        .containsExactly(model.contributions(row).orElseThrow().perFeature());
    assertThat(back.contributions(row).orElseThrow().base()).isEqualTo(model.contributions(row).orElseThrow().base());
  }

  @Test
  void linearModelsThisBackendDoesNotWriteAreRefused() {
    assertRefused(root -> ((ObjectNode) root.at("/learner/attributes")).remove(LinearModel.BASELINE_ATTRIBUTE),
        LinearModel.BASELINE_ATTRIBUTE);
    assertRefused(root -> ((ObjectNode) root.at("/learner/attributes")).put(LinearModel.BASELINE_ATTRIBUTE, "1,2"),
        "baseline has 2 values");
    assertRefused(root -> ((ObjectNode) root.at("/learner/attributes"))
        .put(LinearModel.BASELINE_ATTRIBUTE, "1,2,3,4,5,6,7,NaN"), "finite");
    assertRefused(root -> ((ArrayNode) root.at("/learner/gradient_booster/model/weights")).remove(0), "8 weights");
    assertRefused(root -> ((ObjectNode) root.at("/learner/gradient_booster")).put("name", "gbtree"), "gblinear");
    assertRefused(root -> ((ObjectNode) root.at("/learner/objective")).put("name", "reg:squarederror"),
        "binary:logistic");
    // A tree model saved under the name logistic, and the linear model under a tree algorithm's name.
    byte[] trees = BACKEND.saveClassifier(BACKEND.classifierTrainer("gradient-boosting",
        Hyperparameters.DEFAULTS.with("threads", 1).with("rounds", 5), 1).fit(Data.TRAIN.x(), Data.TRAIN.y()));
    byte[] asLogistic = XgboostPayload.encode("logistic", 8, XgboostPayload.decode(trees).json());
    assertThatThrownBy(() -> BACKEND.loadClassifier(asLogistic)).isInstanceOf(BankmlException.class);
    byte[] asTrees = XgboostPayload.encode("gradient-boosting", 8, model.modelJson());
    assertThatThrownBy(() -> BACKEND.loadClassifier(asTrees)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("gbtree");
  }

  private static void assertRefused(Consumer<ObjectNode> edit, String message) {
    ObjectNode root = (ObjectNode) ModelJson.tree(model.modelJson());
    edit.accept(root);
    byte[] payload = XgboostPayload.encode("logistic", 8, root.toString().getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BACKEND.loadClassifier(payload)).isInstanceOf(BankmlException.class)
        .hasMessageContaining(message);
  }

  private static LinearClassifier fitWith(Hyperparameters h) {
    return (LinearClassifier) BACKEND.classifierTrainer("logistic", h.with("threads", 1), 3).fit(Data.TRAIN.x(), Data.TRAIN.y());
  }

  private static double l1(LinearClassifier c) {
    double s = 0;
    for (float v : c.model().weights()) {
      s += Math.abs(v);
    }
    return s;
  }

  private static int count(float[] w) {
    int zero = 0;
    for (float v : w) {
      zero += v == 0 ? 1 : 0;
    }
    return zero;
  }
}
