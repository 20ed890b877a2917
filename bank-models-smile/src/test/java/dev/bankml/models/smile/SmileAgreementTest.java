package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.clustering.DBSCAN;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateGaussianMixture;

/**
 * bankml keeps every Smile model as plain data and scores it with its own code; these tests train
 * Smile directly and check that the plain-data model answers exactly as Smile's objects do (to
 * 1e-12): probabilities, TreeSHAP values, cluster assignments. And explanations add up.
 */
class SmileAgreementTest {
  private static final int MAX_NODES = Integer.MAX_VALUE - 8;
  private final SmileBackend backend = new SmileBackend();
  private final Synthetic.Labelled data = Synthetic.credit(1500, 6, 21);
  private final StructType schema = SmileInputs.featureSchema(6);

  @Test
  void boostingScoresAndTreeShapEqualSmiles() {
    MathEx.setSeed(3);
    GradientTreeBoost gbt = GradientTreeBoost.fit(SmileInputs.formula(), SmileInputs.frame(data.x(), data.y()),
        80, 6, 16, 10, 0.05, 0.8);
    BoostingModel m = BoostingModel.of(gbt, 6, BoostingModel.initialScore(data.y()), 0.05, MAX_NODES,
        BankmlException::new);
    double[] post = new double[2];
    double scale = 2 * 0.05 * gbt.trees().length;
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      Tuple t = Tuple.of(row, schema);
      gbt.predict(t, post);
      assertThat(m.probability(row)).isCloseTo(post[1], within(1e-12));
      double[] raw = gbt.shap(t);
      double[] c = m.contributions(row).orElseThrow().perFeature();
      for (int j = 0; j < 6; j++) {
        assertThat(c[j]).as("row %d feature %d", i, j)
            .isCloseTo(SmileAlgorithms.shapOfPositiveClass(raw, 6, j) * scale, within(1e-12));
      }
    }
  }

  @Test
  void forestScoresAndTreeShapEqualSmiles() {
    MathEx.setSeed(3);
    RandomForest rf = RandomForest.fit(SmileInputs.formula(), SmileInputs.frame(data.x(), data.y()), 40, 2,
        SplitRule.GINI, 20, 300, 5, 1.0, new int[] {1, 1}, LongStream.range(1, 41));
    ForestModel m = ForestModel.of(rf, 6, MAX_NODES, BankmlException::new);
    double[] post = new double[2];
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      Tuple t = Tuple.of(row, schema);
      rf.predict(t, post);
      assertThat(m.probability(row)).isCloseTo(post[1], within(1e-12));
      assertThat(m.contributions(row).orElseThrow().perFeature())
          .containsExactly(contributionsFromSmilesShap(rf, t, m.probability(row)), within(1e-12));
    }
  }

  /** The forest's contributions computed from Smile's own TreeSHAP, as bankml did before issue 15. */
  private static double[] contributionsFromSmilesShap(RandomForest rf, Tuple t, double prob) {
    double[] raw = rf.shap(t);
    double sum = 0;
    double[] phi = new double[6];
    for (int j = 0; j < 6; j++) {
      phi[j] = SmileAlgorithms.shapOfPositiveClass(raw, 6, j);
      sum += phi[j];
    }
    double pc = Math.min(1 - 1e-9, Math.max(1e-9, prob));
    double p0 = Math.min(1 - 1e-9, Math.max(1e-9, pc - sum));
    double factor = Math.abs(pc - p0) < 1e-12 ? 1 / (pc * (1 - pc))
        : (SmileAlgorithms.logit(pc) - SmileAlgorithms.logit(p0)) / (pc - p0);
    for (int j = 0; j < 6; j++) {
      phi[j] *= factor;
    }
    return phi;
  }

  @Test
  void everyFlatTreesShapEqualsSmilesTreeShap() {
    MathEx.setSeed(4);
    RandomForest rf = RandomForest.fit(SmileInputs.formula(), SmileInputs.frame(data.x(), data.y()), 10, 6,
        SplitRule.GINI, 30, 600, 1, 1.0, new int[] {1, 1}, LongStream.range(7, 17));
    DecisionTree[] trees = rf.trees();
    TreeEnsemble flat = SmileTrees.classification(
        Arrays.stream(trees).map(DecisionTree::root).toArray(smile.base.cart.Node[]::new), 6, MAX_NODES,
        BankmlException::new);
    for (int i = 0; i < 100; i++) {
      double[] row = data.x().row(i);
      for (int t = 0; t < trees.length; t++) {
        double[] ours = new double[6];
        flat.shap(t, row, 1, ours);
        double[] smiles = trees[t].shap(Tuple.of(row, schema));
        for (int j = 0; j < 6; j++) {
          assertThat(ours[j]).as("tree %d row %d feature %d", t, i, j).isCloseTo(smiles[2 * j + 1], within(1e-12));
        }
      }
    }
  }

  @Test
  void logisticScoresEqualSmilesScore() {
    LogisticRegression.Binomial smile = LogisticRegression.binomial(data.x().toRowArrays(), data.y(), 1.0, 1e-5, 500);
    LogisticModel m = LogisticModel.of(smile);
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      assertThat(m.probability(row)).isCloseTo(smile.score(row), within(1e-12));
    }
  }

  @Test
  void kmeansAssignsAsSmilesPredict() {
    double[][] rows = Synthetic.blobs(4, 50, 3, 9).x().toRowArrays();
    MathEx.setSeed(5);
    KMeans smile = KMeans.fit(rows, 4);
    KMeansModel m = KMeansModel.of(smile, BankmlException::new);
    for (double[] row : probes(rows, 3, 10)) {
      assertThat(m.assign(row)).isEqualTo(smile.predict(row));
    }
  }

  @Test
  void gaussianMixtureRebuiltFromItsNumbersAssignsAsSmilesMixture() {
    for (boolean diagonal : new boolean[] {false, true}) {
      double[][] rows = Synthetic.blobs(3, 60, 3, 10).x().toRowArrays();
      MathEx.setSeed(6);
      MultivariateGaussianMixture smile = MultivariateGaussianMixture.fit(3, rows, diagonal);
      GaussianMixtureModel m = GaussianMixtureModel.of(smile, new int[0], 1.0, BankmlException::new);
      for (double[] row : probes(rows, 3, 11)) {
        assertThat(m.assign(row)).isEqualTo(smile.map(row));
      }
    }
  }

  @Test
  void dbscanCorePointsAssignAsSmilesPredict() {
    double[][] rows = Synthetic.blobs(3, 80, 2, 12).x().toRowArrays();
    double[][] withDuplicates = Arrays.copyOf(rows, rows.length + 20);
    for (int i = 0; i < 20; i++) {
      withDuplicates[rows.length + i] = rows[i * 3].clone();
    }
    DBSCAN<double[]> smile = DBSCAN.fit(withDuplicates, 5, 0.6);
    DbscanModel m = DbscanModel.of(smile, withDuplicates, BankmlException::new);
    int noise = 0;
    for (double[] row : probes(withDuplicates, 2, 13)) {
      int expected = smile.predict(row.clone());
      expected = expected == PartitionClustering.OUTLIER ? Clustering.NOISE : expected;
      assertThat(m.assign(row)).isEqualTo(expected);
      noise += expected == Clustering.NOISE ? 1 : 0;
    }
    assertThat(noise).as("some probes are noise").isPositive();
  }

  /** Copies of the training rows, rows near them and rows anywhere in a wide box. */
  private static double[][] probes(double[][] rows, int p, long seed) {
    Random r = new Random(seed);
    double[][] out = new double[rows.length * 2 + 200][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      out[rows.length + i] = rows[i].clone();
      out[rows.length + i][r.nextInt(p)] += 0.3 * r.nextGaussian();
    }
    for (int i = 2 * rows.length; i < out.length; i++) {
      out[i] = new double[p];
      for (int j = 0; j < p; j++) {
        out[i][j] = 40 * r.nextDouble() - 20;
      }
    }
    return out;
  }

  @Test
  void boostingContributionsShareOneBaseAcrossRows() {
    var c = backend.classifierTrainer("gradient-boosting", Hyperparameters.DEFAULTS, 3).fit(data.x(), data.y());
    double base = c.contributions(data.x().row(0)).orElseThrow().base();
    for (int i = 1; i < 50; i++) {
      Contributions k = c.contributions(data.x().row(i)).orElseThrow();
      assertThat(k.base()).isCloseTo(base, within(1e-6));
      double p = c.probability(data.x().row(i));
      assertThat(k.base() + Arrays.stream(k.perFeature()).sum()).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
    }
  }

  @Test
  void forestContributionsAddUpToTheLogOdds() {
    var c = backend.classifierTrainer("random-forest", Hyperparameters.DEFAULTS.with("trees", 30), 3)
        .fit(data.x(), data.y());
    for (int i = 0; i < 50; i++) {
      Contributions k = c.contributions(data.x().row(i)).orElseThrow();
      double p = Math.min(1 - 1e-9, Math.max(1e-9, c.probability(data.x().row(i))));
      assertThat(k.base() + Arrays.stream(k.perFeature()).sum()).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
    }
  }

  @Test
  void logisticContributionsAreCoefficientTimesValue() {
    LogisticModel m = (LogisticModel) backend.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 3)
        .fit(data.x(), data.y());
    double[] w = m.coefficients();
    double[] row = data.x().row(7);
    Contributions k = m.contributions(row).orElseThrow();
    assertThat(k.base()).isEqualTo(w[6]);
    for (int j = 0; j < 6; j++) {
      assertThat(k.perFeature()[j]).isEqualTo(w[j] * row[j]);
    }
  }

  @Test
  void strongerRegularisationShrinksLogisticCoefficients() {
    LogisticModel loose = (LogisticModel) backend.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("lambda", 1e-4), 3).fit(data.x(), data.y());
    LogisticModel tight = (LogisticModel) backend.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("lambda", 500.0), 3).fit(data.x(), data.y());
    assertThat(Math.abs(tight.coefficients()[0])).isLessThan(Math.abs(loose.coefficients()[0]));
  }

  @Test
  void forestClassWeightsFavourTheHeavierClass() {
    assertThat(ForestModel.classWeights(new int[] {0, 0, 1}, new double[] {1, 1, 5})).containsExactly(5, 1);
    assertThat(ForestModel.classWeights(new int[] {0, 1}, new double[] {1, 1})).containsExactly(1, 1);
  }

  @Test
  void rowRepetitionFollowsTheWeightsWithinTheCap() {
    assertThat(SmileInputs.repetitions(new double[] {1, 2, 0, 3}, 10)).containsExactly(1, 2, 0, 3);
    int[] capped = SmileInputs.repetitions(new double[] {1, 100, 1, 1}, 2);
    assertThat(Arrays.stream(capped).sum()).isLessThanOrEqualTo(8 + 4);
    assertThat(capped[1]).isGreaterThan(capped[0]);
  }
}
