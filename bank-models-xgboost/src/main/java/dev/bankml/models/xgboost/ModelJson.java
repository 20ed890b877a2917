package dev.bankml.models.xgboost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.BankmlException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * XGBoost's own JSON model format ({@code Booster.toByteArray("json")}): read into plain values
 * without native code, checked, and cut to its first rounds. Only what bankml trains is accepted:
 * objective {@code binary:logistic} with a {@code gbtree} booster of numerical splits, or a
 * {@code gblinear} booster whose attributes hold the training baseline.
 */
final class ModelJson {
  /** Numbers longer than this many characters are refused (XGBoost writes at most ~15). */
  private static final int MAX_NUMBER_LENGTH = 64;
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(16).maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(1 << 20).build();
  private static final ObjectMapper TYPED = mapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /**
   * Reads and writes a model as a tree. XGBoost writes every float in exponent form with at most 9
   * significant digits, which a {@code double} holds exactly and writes back as the same decimal, so
   * a cut model's floats are XGBoost's own; whole numbers stay whole, as XGBoost's reader requires.
   */
  private static final ObjectMapper LOSSLESS = mapper();

  private ModelJson() {}

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(LIMITS);
    return m;
  }

  record ModelFile(Learner learner, int[] version) {}

  record Learner(GradientBooster gradientBooster, LearnerModelParam learnerModelParam, Objective objective) {}

  record GradientBooster(String name, GbtreeModel model) {}

  record GbtreeModel(GbtreeModelParam gbtreeModelParam, List<TreeArrays> trees, int[] treeInfo) {}

  record GbtreeModelParam(String numParallelTree, String numTrees) {}

  record LearnerModelParam(String baseScore, String numClass, String numFeature, String numTarget) {}

  record Objective(String name) {}

  record LinearFile(LinearLearner learner) {}

  record LinearLearner(Map<String, String> attributes, LinearBooster gradientBooster,
      LearnerModelParam learnerModelParam, Objective objective) {}

  record LinearBooster(String name, LinearWeights model) {}

  /** XGBoost's linear model: one weight per feature, then the bias (one output group). */
  record LinearWeights(float[] weights, String boostedRounds) {}

  /** One tree as XGBoost stores it: parallel arrays indexed by node id; a leaf's value is its split condition. */
  record TreeArrays(int[] leftChildren, int[] rightChildren, int[] splitIndices, float[] splitConditions,
      int[] defaultLeft, int[] splitType, float[] lossChanges, float[] sumHessian) {}

  /**
   * The trees of {@code json}, checked to be a binary:logistic gbtree model over {@code features}
   * features whose every tree is well formed.
   *
   * @throws BankmlException naming what is wrong
   */
  static TreeEnsemble read(byte[] json, int features) {
    ModelFile file;
    try {
      file = TYPED.readValue(json, ModelFile.class);
    } catch (JsonProcessingException e) {
      throw new BankmlException("XGBoost model is not valid JSON in XGBoost's model format: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BankmlException("XGBoost model could not be read: " + e.getMessage(), e);
    }
    Learner learner = require(file == null ? null : file.learner(), "learner");
    float baseScore = checkLearner(learner.objective(), learner.learnerModelParam(), features);
    GradientBooster booster = require(learner.gradientBooster(), "learner.gradient_booster");
    if (!"gbtree".equals(booster.name())) {
      throw new BankmlException("XGBoost model has booster '" + booster.name() + "'; this algorithm reads gbtree only");
    }
    GbtreeModel model = require(booster.model(), "learner.gradient_booster.model");
    List<TreeArrays> trees = require(model.trees(), "trees");
    int declared = parseInt(require(model.gbtreeModelParam(), "gbtree_model_param").numTrees(), "num_trees");
    if (declared != trees.size() || trees.isEmpty()) {
      throw new BankmlException("XGBoost model declares " + declared + " trees and holds " + trees.size());
    }
    int[] info = model.treeInfo();
    for (int t = 0; t < trees.size(); t++) {
      if (info == null || info.length != trees.size() || info[t] != 0) {
        throw new BankmlException("XGBoost model's tree_info does not describe " + trees.size() + " single-output trees");
      }
    }
    return TreeEnsemble.of(trees, features, baseMargin(baseScore));
  }

  /**
   * The linear model of {@code json}: a binary:logistic {@code gblinear} model over {@code features}
   * features with finite weights, and the training baseline bankml stored in its attributes.
   *
   * @throws BankmlException naming what is wrong
   */
  static LinearModel readLinear(byte[] json, int features) {
    LinearFile file;
    try {
      file = TYPED.readValue(json, LinearFile.class);
    } catch (JsonProcessingException e) {
      throw new BankmlException("XGBoost model is not valid JSON in XGBoost's model format: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BankmlException("XGBoost model could not be read: " + e.getMessage(), e);
    }
    LinearLearner learner = require(file == null ? null : file.learner(), "learner");
    float baseScore = checkLearner(learner.objective(), learner.learnerModelParam(), features);
    LinearBooster booster = require(learner.gradientBooster(), "learner.gradient_booster");
    if (!"gblinear".equals(booster.name())) {
      throw new BankmlException("XGBoost model has booster '" + booster.name() + "'; the logistic algorithm reads gblinear only");
    }
    float[] weights = require(require(booster.model(), "learner.gradient_booster.model").weights(), "weights");
    if (weights.length != features + 1) {
      throw new BankmlException("XGBoost linear model has " + weights.length + " weights; " + features
          + " features and a bias need " + (features + 1));
    }
    for (int j = 0; j < weights.length; j++) {
      if (!Float.isFinite(weights[j])) {
        throw new BankmlException("XGBoost linear model's weight " + j + " is " + weights[j] + "; weights must be finite");
      }
    }
    Map<String, String> attributes = learner.attributes() == null ? Map.of() : learner.attributes();
    double[] baseline = LinearModel.parseBaseline(attributes.get(LinearModel.BASELINE_ATTRIBUTE), features);
    return new LinearModel(Arrays.copyOf(weights, features), weights[features], baseMargin(baseScore), baseline);
  }

  /** Checks the objective and the learner's parameters; returns the base score (a probability). */
  private static float checkLearner(Objective objective, LearnerModelParam param, int features) {
    String name = require(objective, "learner.objective").name();
    if (!"binary:logistic".equals(name)) {
      throw new BankmlException("XGBoost model has objective '" + name + "'; this backend reads binary:logistic only");
    }
    require(param, "learner.learner_model_param");
    int numFeature = parseInt(param.numFeature(), "num_feature");
    if (numFeature != features) {
      throw new BankmlException("XGBoost model has " + numFeature + " features; the payload says " + features);
    }
    if (parseInt(param.numClass(), "num_class") != 0 || (param.numTarget() != null && parseInt(param.numTarget(), "num_target") != 1)) {
      throw new BankmlException("XGBoost model is not a single-output binary model (num_class " + param.numClass()
          + ", num_target " + param.numTarget() + ")");
    }
    float baseScore = parseFloat(param.baseScore(), "base_score");
    if (!(baseScore > 0 && baseScore < 1)) {
      throw new BankmlException("XGBoost model has base_score " + param.baseScore() + "; a probability strictly between 0 and 1 is needed");
    }
    return baseScore;
  }

  /**
   * XGBoost's intercept in log-odds: {@code -log(1/base_score - 1)}, computed in {@code float} as
   * XGBoost's logistic objective does, so margins match XGBoost's to the last bit.
   */
  static float baseMargin(float baseScore) {
    float odds = 1.0f / baseScore - 1.0f;
    return (float) -Math.log(odds);
  }

  /**
   * The model {@code json} cut to its first {@code rounds} boosting rounds of {@code treesPerRound}
   * trees each; every other field is kept byte for byte in value.
   */
  static byte[] firstRounds(byte[] json, int rounds, int treesPerRound) {
    try {
      ObjectNode root = (ObjectNode) LOSSLESS.readTree(json);
      ObjectNode model = (ObjectNode) root.path("learner").path("gradient_booster").path("model");
      int keep = rounds * treesPerRound;
      truncate((ArrayNode) model.get("trees"), keep);
      truncate((ArrayNode) model.get("tree_info"), keep);
      if (model.get("iteration_indptr") instanceof ArrayNode indptr) {
        truncate(indptr, rounds + 1);
      }
      ((ObjectNode) model.get("gbtree_model_param")).put("num_trees", Integer.toString(keep));
      return LOSSLESS.writeValueAsBytes(root);
    } catch (IOException | ClassCastException | NullPointerException e) {
      throw new IllegalStateException("XGBoost wrote a JSON model this backend cannot cut to " + rounds + " rounds", e);
    }
  }

  private static void truncate(ArrayNode array, int size) {
    while (array.size() > size) {
      array.remove(array.size() - 1);
    }
  }

  /** The JSON text as a tree, for tests and inspection. */
  static JsonNode tree(byte[] json) {
    try {
      return LOSSLESS.readTree(json);
    } catch (IOException e) {
      throw new BankmlException("XGBoost model is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new BankmlException("XGBoost model has no '" + what + "'");
    }
    return value;
  }

  private static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(require(s, what).trim());
    } catch (NumberFormatException e) {
      throw new BankmlException("XGBoost model's " + what + " is '" + s + "', not a whole number", e);
    }
  }

  private static float parseFloat(String s, String what) {
    try {
      return Float.parseFloat(require(s, what).trim());
    } catch (NumberFormatException e) {
      throw new BankmlException("XGBoost model's " + what + " is '" + s + "', not a number", e);
    }
  }
}
