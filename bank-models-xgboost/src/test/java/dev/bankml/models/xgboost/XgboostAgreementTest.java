package dev.bankml.models.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our Java scoring of the dumped trees equals XGBoost's own native prediction, and the TreeSHAP
 * contributions and gain importances are XGBoost's.
 */
class XgboostAgreementTest {
  static final XgboostBackend BACKEND = new XgboostBackend();
  static XgboostClassifier boosting;
  static XgboostClassifier forest;
  static Booster boostingNative;
  static Booster forestNative;

  @BeforeAll
  static void fit() throws Exception {
    Hyperparameters h = Hyperparameters.DEFAULTS.with("threads", 1);
    boosting = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting", h.with("max_depth", 5), 3)
        .fit(Data.TRAIN.x(), Data.TRAIN.y());
    forest = (XgboostClassifier) BACKEND.classifierTrainer("random-forest", h.with("trees", 50), 3)
        .fit(Data.TRAIN.x(), Data.TRAIN.y());
    boostingNative = XGBoost.loadModel(boosting.modelJson());
    forestNative = XGBoost.loadModel(forest.modelJson());
  }

  @AfterAll
  static void dispose() {
    boostingNative.dispose();
    forestNative.dispose();
  }

  @Test
  void javaMarginsEqualXgboostMarginsBitForBitIncludingMissingValues() throws Exception {
    for (var pair : List.of(Map.entry(boosting, boostingNative), Map.entry(forest, forestNative))) {
      DMatrix m = Native.matrix(Data.TEST.x());
      float[][] expected = pair.getValue().predict(m, true);
      m.dispose();
      int missing = 0;
      for (int i = 0; i < Data.TEST.x().rows(); i++) {
        double[] row = Data.TEST.x().row(i);
        missing += Arrays.stream(row).anyMatch(Double::isNaN) ? 1 : 0;
        assertThat(pair.getKey().margin(row)).as("%s row %d", pair.getKey().algorithm(), i).isEqualTo(expected[i][0]);
      }
      assertThat(missing).as("rows with a missing value").isGreaterThan(50);
    }
  }

  @Test
  void probabilitiesEqualXgboostPredictionsToFloatPrecision() throws Exception {
    for (var pair : List.of(Map.entry(boosting, boostingNative), Map.entry(forest, forestNative))) {
      DMatrix m = Native.matrix(Data.TEST.x());
      float[][] expected = pair.getValue().predict(m);
      m.dispose();
      double[] ours = pair.getKey().probabilities(Data.TEST.x());
      for (int i = 0; i < ours.length; i++) {
        // XGBoost rounds its sigmoid to float; ours is the double sigmoid of the same float margin.
        assertThat(ours[i]).as("%s row %d", pair.getKey().algorithm(), i).isCloseTo(expected[i][0], within(1e-7));
      }
    }
  }

  @Test
  void contributionsAreXgboostTreeShapAndAddUpToTheMargin() throws Exception {
    for (var pair : List.of(Map.entry(boosting, boostingNative), Map.entry(forest, forestNative))) {
      for (int i = 0; i < 40; i++) {
        double[] row = Data.TEST.x().row(i);
        Contributions c = pair.getKey().contributions(row).orElseThrow();
        DMatrix m = Native.matrix(row);
        float[] expected = pair.getValue().predictContrib(m, 0)[0];
        m.dispose();
        for (int j = 0; j < row.length; j++) {
          assertThat(c.perFeature()[j]).isEqualTo(expected[j]);
        }
        assertThat(c.base()).isEqualTo(expected[row.length]);
        double sum = c.base() + Arrays.stream(c.perFeature()).sum();
        assertThat(sum).as("%s row %d", pair.getKey().algorithm(), i).isCloseTo(pair.getKey().margin(row), within(1e-4));
      }
    }
  }

  @Test
  void featureImportanceIsXgboostTotalGainAsShares() throws Exception {
    for (var pair : List.of(Map.entry(boosting, boostingNative), Map.entry(forest, forestNative))) {
      Map<String, Double> gain = pair.getValue().getScore((String) null, "total_gain");
      double sum = gain.values().stream().mapToDouble(Double::doubleValue).sum();
      double[] ours = pair.getKey().featureImportance().orElseThrow();
      assertThat(Arrays.stream(ours).sum()).isCloseTo(1.0, within(1e-9));
      for (int j = 0; j < ours.length; j++) {
        double expected = gain.getOrDefault("f" + j, 0.0) / sum;
        assertThat(ours[j]).as("%s feature %d", pair.getKey().algorithm(), j).isCloseTo(expected, within(1e-6));
      }
      // The signal is strongest in feature 0; features 3 to 6 are noise.
      for (int noise = 3; noise <= 6; noise++) {
        assertThat(ours[0]).isGreaterThan(ours[noise]);
      }
    }
  }

  @Test
  void forestIsOneRoundOfParallelTrees() {
    assertThat(forest.model().trees()).isEqualTo(50);
    assertThat(ModelJson.tree(forest.modelJson()).at("/learner/gradient_booster/model/gbtree_model_param/num_parallel_tree")
        .asText()).isEqualTo("50");
  }

  @Test
  void explanationsFromEightThreadsEqualTheSequentialOnes() throws Exception {
    List<double[]> rows = new ArrayList<>();
    List<Contributions> expected = new ArrayList<>();
    XgboostClassifier fresh = (XgboostClassifier) BACKEND.loadClassifier(BACKEND.saveClassifier(boosting));
    for (int i = 0; i < 30; i++) {
      rows.add(Data.TEST.x().row(i));
      expected.add(boosting.contributions(Data.TEST.x().row(i)).orElseThrow());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Contributions>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> rows.stream().map(r -> fresh.contributions(r).orElseThrow()).toList()));
      }
      for (Future<List<Contributions>> f : futures) {
        List<Contributions> got = f.get();
        for (int i = 0; i < rows.size(); i++) {
          assertThat(got.get(i).base()).isEqualTo(expected.get(i).base());
          assertThat(got.get(i).perFeature()).containsExactly(expected.get(i).perFeature());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
