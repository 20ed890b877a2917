package dev.bankml.models.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.metrics.AdjustedRandIndex;
import dev.bankml.models.metrics.RocAuc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ModelBackend} must honour. Each backend module extends this class and
 * returns its backend from {@link #backend()}; every declared algorithm is exercised.
 *
 * <p>Conventions the suite relies on: a clustering algorithm that needs the number of clusters
 * takes it as hyperparameter {@code k}; a backend refuses, with a {@link BankmlException}, an
 * unknown algorithm, a hyperparameter name it does not declare (in {@link AlgorithmSpec#defaults()}
 * or {@link AlgorithmSpec#space()}), a non-numeric value for a numeric hyperparameter, a row of the
 * wrong width, and a corrupt payload. Override {@link #clusteringHyperparameters} if a density
 * method needs settings other than its defaults for blobs of standard deviation 0.5 whose centres
 * are 8 apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest {
  private static final long SEED = 42L;
  private static final int FEATURES = 5;

  private final Map<String, Classifier> easyModels = new HashMap<>();
  private Dataset easyTrain;
  private Dataset easyTest;

  /** The backend under test. */
  protected abstract ModelBackend backend();

  /** Hyperparameters for clustering the test blobs with {@code algorithm}: by default {@code k = 3} when declared. */
  protected Hyperparameters clusteringHyperparameters(AlgorithmSpec algorithm) {
    boolean hasK = algorithm.defaults().containsKey("k")
        || algorithm.space().stream().anyMatch(s -> s.name().equals("k"));
    return hasK ? Hyperparameters.DEFAULTS.with("k", 3) : Hyperparameters.DEFAULTS;
  }

  /** Labelled rows for a test. */
  protected record Dataset(FeatureMatrix x, int[] y) {}

  /** Rows whose label follows a clear, nearly linear signal in two of five features. */
  protected static Dataset easy(int n, long seed) {
    return draw(n, seed, (x, r) -> x[0] + 0.5 * x[1] + 0.3 * r.nextGaussian() > 0 ? 1 : 0);
  }

  /** Rows whose label is a noisy draw from a non-linear logit, with about 25 % positives. */
  protected static Dataset hard(int n, long seed) {
    return draw(n, seed, (x, r) -> {
      double logit = -1.3 + 0.8 * x[0] - 0.5 * x[2] + 0.6 * x[3] * x[4];
      return r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    });
  }

  /** {@code n} rows of standard normal features, each labelled by {@code label} right after it is drawn. */
  private static Dataset draw(int n, long seed, java.util.function.BiFunction<double[], Random, Integer> label) {
    Random r = new Random(seed);
    double[][] rows = new double[n][FEATURES];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < FEATURES; j++) {
        rows[i][j] = r.nextGaussian();
      }
      y[i] = label.apply(rows[i], r);
    }
    return new Dataset(FeatureMatrix.of(rows, names()), y);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) {
      names.add("f" + j);
    }
    return names;
  }

  private List<AlgorithmSpec> classifiers() {
    return backend().algorithms().stream().filter(a -> a.task() == Task.CLASSIFICATION).toList();
  }

  private List<AlgorithmSpec> clusterers() {
    return backend().algorithms().stream().filter(a -> a.task() == Task.CLUSTERING).toList();
  }

  private synchronized Classifier easyModel(String algorithm) {
    if (easyTrain == null) {
      easyTrain = easy(600, 1);
      easyTest = easy(400, 2);
    }
    return easyModels.computeIfAbsent(algorithm,
        a -> backend().classifierTrainer(a, Hyperparameters.DEFAULTS, SEED).fit(easyTrain.x(), easyTrain.y()));
  }

  private Dataset easyTest() {
    if (easyTest == null) {
      easyTest = easy(400, 2);
    }
    return easyTest;
  }

  @Test
  void backendDescribesItself() {
    ModelBackend b = backend();
    assertThat(b.name()).isNotBlank().isLowerCase();
    assertThat(b.version()).isNotBlank();
    assertThat(b.licence()).isNotBlank();
    assertThat(b.algorithms()).isNotEmpty();
    assertThat(classifiers()).as("classifiers").isNotEmpty();
    assertThat(b.algorithms().stream().map(AlgorithmSpec::name).distinct().count())
        .as("algorithm names are unique").isEqualTo(b.algorithms().size());
  }

  @Test
  void everyClassifierLearnsAnEasySignal() {
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = easyModel(a.name());
      assertThat(c.algorithm()).isEqualTo(a.name());
      assertThat(c.featureCount()).isEqualTo(FEATURES);
      double auc = RocAuc.of(easyTest().y(), c.probabilities(easyTest().x()));
      assertThat(auc).as("held-out AUC of %s on the easy signal", a.name()).isGreaterThan(0.8);
    }
  }

  @Test
  void everyClassifierBeatsChanceOnAHarderSignal() {
    Dataset train = hard(1500, 3);
    Dataset test = hard(1000, 4);
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, SEED).fit(train.x(), train.y());
      double auc = RocAuc.of(test.y(), c.probabilities(test.x()));
      assertThat(auc).as("held-out AUC of %s on the hard signal", a.name()).isGreaterThan(0.6);
    }
  }

  @Test
  void probabilitiesAreFiniteAndBetweenZeroAndOne() {
    for (AlgorithmSpec a : classifiers()) {
      for (double p : easyModel(a.name()).probabilities(easyTest().x())) {
        assertThat(p).as(a.name()).isFinite().isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void batchScoringEqualsRowByRowScoring() {
    FeatureMatrix x = easyTest().x();
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = easyModel(a.name());
      double[] batch = c.probabilities(x);
      assertThat(batch).hasSize(x.rows());
      for (int i = 0; i < x.rows(); i++) {
        assertThat(c.probability(x.row(i))).as("%s row %d", a.name(), i).isCloseTo(batch[i], within(1e-9));
      }
    }
  }

  @Test
  void sameSeedGivesSamePredictions() {
    Dataset train = hard(800, 5);
    for (AlgorithmSpec a : classifiers()) {
      double[] first = backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, 7)
          .fit(train.x(), train.y()).probabilities(easyTest().x());
      double[] second = backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, 7)
          .fit(train.x(), train.y()).probabilities(easyTest().x());
      assertThat(second).as(a.name()).containsExactly(first);
    }
  }

  @Test
  void eightThreadsScoringConcurrentlyGetExactlyTheSequentialResults() throws Exception {
    FeatureMatrix x = easyTest().x();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (AlgorithmSpec a : classifiers()) {
        Classifier c = easyModel(a.name());
        double[] expected = c.probabilities(x);
        double[] expectedRows = new double[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
          expectedRows[i] = c.probability(x.row(i));
        }
        List<Future<double[][]>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          futures.add(pool.submit(() -> {
            double[][] out = new double[4][];
            for (int rep = 0; rep < 2; rep++) {
              out[rep] = c.probabilities(x);
              double[] rows = new double[x.rows()];
              for (int i = 0; i < x.rows(); i++) {
                rows[i] = c.probability(x.row(i));
              }
              out[2 + rep] = rows;
            }
            return out;
          }));
        }
        for (Future<double[][]> f : futures) {
          double[][] got = f.get();
          assertThat(got[0]).as(a.name()).containsExactly(expected);
          assertThat(got[1]).as(a.name()).containsExactly(expected);
          assertThat(got[2]).as(a.name()).containsExactly(expectedRows);
          assertThat(got[3]).as(a.name()).containsExactly(expectedRows);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void savedAndLoadedClassifierGivesIdenticalPredictions() {
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = easyModel(a.name());
      byte[] payload = backend().saveClassifier(c);
      Classifier back = backend().loadClassifier(payload);
      assertThat(back.algorithm()).isEqualTo(a.name());
      assertThat(back.featureCount()).isEqualTo(c.featureCount());
      assertThat(back.probabilities(easyTest().x())).as(a.name()).containsExactly(c.probabilities(easyTest().x()));
      assertThat(back.probability(easyTest().x().row(0))).isEqualTo(c.probability(easyTest().x().row(0)));
    }
  }

  @Test
  void corruptClassifierPayloadIsRefused() {
    for (AlgorithmSpec a : classifiers()) {
      byte[] payload = backend().saveClassifier(easyModel(a.name()));
      byte[] truncated = Arrays.copyOf(payload, payload.length / 2);
      byte[] garbage = new byte[payload.length];
      new Random(9).nextBytes(garbage);
      assertThatThrownBy(() -> backend().loadClassifier(truncated)).as("truncated %s", a.name())
          .isInstanceOf(BankmlException.class);
      assertThatThrownBy(() -> backend().loadClassifier(garbage)).as("garbage %s", a.name())
          .isInstanceOf(BankmlException.class);
      assertThatThrownBy(() -> backend().loadClassifier(new byte[0])).as("empty %s", a.name())
          .isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void unknownAlgorithmIsRefused() {
    // one lookup, one wording, in every backend (Backends.algorithm)
    assertThatThrownBy(() -> backend().classifierTrainer("no-such-algorithm", Hyperparameters.DEFAULTS, SEED))
        .isInstanceOf(BankmlException.class)
        .hasMessage("backend '" + backend().name() + "' has no classification algorithm 'no-such-algorithm'; available: "
            + String.join(", ", classifiers().stream().map(AlgorithmSpec::name).toList()));
    assertThatThrownBy(() -> backend().clusteringTrainer("no-such-algorithm", Hyperparameters.DEFAULTS, SEED))
        .isInstanceOf(BankmlException.class).hasMessageContaining("no-such-algorithm");
    for (AlgorithmSpec a : clusterers()) {
      assertThatThrownBy(() -> backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, SEED))
          .as("clusterer %s asked for as a classifier", a.name()).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void badHyperparametersAreRefused() {
    Dataset train = easy(200, 11);
    for (AlgorithmSpec a : classifiers()) {
      // one check, one wording, in every backend (AlgorithmSpec.declared)
      Hyperparameters unknown = Hyperparameters.DEFAULTS.with("no_such_parameter", 1);
      assertThatThrownBy(() -> backend().classifierTrainer(a.name(), unknown, SEED).fit(train.x(), train.y()))
          .as("undeclared hyperparameter for %s", a.name())
          .isInstanceOf(BankmlException.class)
          .hasMessage("unknown hyperparameter 'no_such_parameter' for " + backend().name() + " " + a.name()
              + "; valid: " + String.join(", ", new java.util.TreeSet<>(a.defaults().keySet())));
      Optional<HyperparameterSpace> numeric = a.space().stream()
          .filter(s -> s instanceof HyperparameterSpace.IntRange || s instanceof HyperparameterSpace.DoubleRange)
          .findFirst();
      numeric.ifPresent(s -> assertThatThrownBy(() -> backend()
              .classifierTrainer(a.name(), Hyperparameters.DEFAULTS.with(s.name(), "banana"), SEED)
              .fit(train.x(), train.y()))
          .as("non-numeric %s for %s", s.name(), a.name())
          .isInstanceOf(BankmlException.class).hasMessageContaining(s.name()));
    }
  }

  @Test
  void everyDeclaredSearchSpaceValueTrains() {
    Dataset train = easy(200, 12);
    for (AlgorithmSpec a : classifiers()) {
      for (HyperparameterSpace s : a.space()) {
        for (Object v : corners(s)) {
          Classifier c = backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS.with(s.name(), v), SEED)
              .fit(train.x(), train.y());
          assertThat(c.probability(train.x().row(0))).as("%s with %s=%s", a.name(), s.name(), v).isBetween(0.0, 1.0);
        }
      }
    }
  }

  private static List<Object> corners(HyperparameterSpace s) {
    if (s instanceof HyperparameterSpace.IntRange r) {
      return List.of(r.min(), r.max());
    }
    if (s instanceof HyperparameterSpace.DoubleRange r) {
      return List.of(r.min(), r.max());
    }
    return ((HyperparameterSpace.Choice) s).values();
  }

  @Test
  void rowsOfTheWrongWidthAreRefused() {
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = easyModel(a.name());
      assertThatThrownBy(() -> c.probability(new double[FEATURES + 1])).as(a.name()).isInstanceOf(BankmlException.class);
      FeatureMatrix wide = FeatureMatrix.of(new double[][] {new double[FEATURES + 2]},
          List.of("a", "b", "c", "d", "e", "f", "g"));
      assertThatThrownBy(() -> c.probabilities(wide)).as(a.name()).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void labelsOfTheWrongLengthAreRefused() {
    Dataset train = easy(100, 13);
    for (AlgorithmSpec a : classifiers()) {
      assertThatThrownBy(() -> backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, SEED)
              .fit(train.x(), Arrays.copyOf(train.y(), 50)))
          .as(a.name()).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void upweightingPositivesRaisesPredictedProbabilities() {
    Dataset train = hard(1200, 14);
    double[] uniform = new double[train.y().length];
    double[] heavy = new double[train.y().length];
    for (int i = 0; i < uniform.length; i++) {
      uniform[i] = 1;
      heavy[i] = train.y()[i] == 1 ? 5 : 1;
    }
    for (AlgorithmSpec a : classifiers()) {
      ClassifierTrainer t = backend().classifierTrainer(a.name(), Hyperparameters.DEFAULTS, SEED);
      double plain = mean(t.fit(train.x(), train.y(), uniform).probabilities(easyTest().x()));
      double weighted = mean(t.fit(train.x(), train.y(), heavy).probabilities(easyTest().x()));
      assertThat(weighted).as("mean probability of %s with positives weighted 5x vs 1x", a.name())
          .isGreaterThan(plain + 0.03);
    }
  }

  @Test
  void offeredContributionsAddUpToTheLogOdds() {
    FeatureMatrix x = easyTest().x();
    for (AlgorithmSpec a : classifiers()) {
      Classifier c = easyModel(a.name());
      for (int i = 0; i < 50; i++) {
        double[] row = x.row(i);
        Optional<Contributions> contributions = c.contributions(row);
        if (contributions.isEmpty()) {
          break;
        }
        double p = c.probability(row);
        if (p < 1e-3 || p > 1 - 1e-3) {
          continue;
        }
        Contributions k = contributions.get();
        assertThat(k.perFeature()).hasSize(FEATURES);
        double sum = k.base() + Arrays.stream(k.perFeature()).sum();
        assertThat(sum).as("%s row %d: base + contributions vs logit(p)", a.name(), i)
            .isCloseTo(Math.log(p / (1 - p)), within(1e-3));
      }
      c.featureImportance().ifPresent(imp -> {
        assertThat(imp).hasSize(FEATURES);
        assertThat(Arrays.stream(imp).allMatch(Double::isFinite)).as("finite importances").isTrue();
      });
    }
  }

  // ---- clustering -------------------------------------------------------------------------------

  private static final double[][] CENTRES = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}};

  private static Dataset blobs(int perBlob, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[perBlob * CENTRES.length][];
    int[] truth = new int[rows.length];
    int i = 0;
    for (int b = 0; b < CENTRES.length; b++) {
      for (int k = 0; k < perBlob; k++, i++) {
        rows[i] = new double[3];
        for (int j = 0; j < 3; j++) {
          rows[i][j] = CENTRES[b][j] + 0.5 * r.nextGaussian();
        }
        truth[i] = b;
      }
    }
    return new Dataset(FeatureMatrix.of(rows, List.of("a", "b", "c")), truth);
  }

  private Clustering cluster(AlgorithmSpec a, FeatureMatrix x) {
    return backend().clusteringTrainer(a.name(), clusteringHyperparameters(a), SEED).fit(x);
  }

  @Test
  void everyClustererFindsWellSeparatedBlobs() {
    Dataset blobs = blobs(100, 21);
    for (AlgorithmSpec a : clusterers()) {
      Clustering c = cluster(a, blobs.x());
      assertThat(c.algorithm()).isEqualTo(a.name());
      assertThat(c.k()).as("clusters found by %s", a.name()).isEqualTo(3);
      int[] labels = c.trainingLabels();
      assertThat(labels).hasSize(blobs.x().rows());
      assertThat(Arrays.stream(labels).allMatch(l -> l == Clustering.NOISE || (l >= 0 && l < c.k())))
          .as("labels of %s within 0..k-1 or NOISE", a.name()).isTrue();
      assertThat(AdjustedRandIndex.of(blobs.y(), labels)).as("ARI of %s", a.name()).isGreaterThan(0.85);
    }
  }

  @Test
  void newRowsAreAssignedToTheirBlob() {
    Dataset blobs = blobs(100, 22);
    Dataset fresh = blobs(20, 23);
    for (AlgorithmSpec a : clusterers()) {
      Clustering c = cluster(a, blobs.x());
      int[] train = c.trainingLabels();
      int[] assigned = c.assign(fresh.x());
      int agree = 0;
      for (int i = 0; i < assigned.length; i++) {
        int blob = fresh.y()[i];
        int expected = majority(train, blobs.y(), blob);
        assertThat(c.assign(fresh.x().row(i))).as("%s row %d", a.name(), i).isEqualTo(assigned[i]);
        if (assigned[i] == expected) {
          agree++;
        }
      }
      assertThat(agree).as("new rows %s put in their blob's cluster", a.name()).isGreaterThanOrEqualTo(assigned.length * 9 / 10);
    }
  }

  private static int majority(int[] labels, int[] truth, int blob) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      if (truth[i] == blob) {
        counts.merge(labels[i], 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  @Test
  void kmeansHasCentroidsNearTheBlobCentres() {
    Dataset blobs = blobs(100, 24);
    for (AlgorithmSpec a : clusterers()) {
      if (!a.name().equals("kmeans")) {
        continue;
      }
      Clustering c = cluster(a, blobs.x());
      double[][] centroids = c.centroids().orElseThrow(() -> new AssertionError("kmeans must expose centroids"));
      assertThat(centroids).hasNumberOfRows(3);
      for (double[] centre : CENTRES) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] got : centroids) {
          double d = 0;
          for (int j = 0; j < 3; j++) {
            d += (got[j] - centre[j]) * (got[j] - centre[j]);
          }
          best = Math.min(best, Math.sqrt(d));
        }
        assertThat(best).as("distance from centre %s to the nearest centroid", Arrays.toString(centre)).isLessThan(0.5);
      }
    }
  }

  @Test
  void clusteringIsReproducibleAndSurvivesSaveAndLoad() {
    Dataset blobs = blobs(60, 25);
    for (AlgorithmSpec a : clusterers()) {
      Clustering first = cluster(a, blobs.x());
      Clustering second = cluster(a, blobs.x());
      assertThat(second.trainingLabels()).as("same seed, %s", a.name()).containsExactly(first.trainingLabels());
      Clustering back = backend().loadClustering(backend().saveClustering(first));
      assertThat(back.k()).isEqualTo(first.k());
      assertThat(back.assign(blobs.x())).as("round trip, %s", a.name()).containsExactly(first.assign(blobs.x()));
      byte[] payload = backend().saveClustering(first);
      assertThatThrownBy(() -> backend().loadClustering(Arrays.copyOf(payload, payload.length / 2)))
          .as("truncated %s", a.name()).isInstanceOf(BankmlException.class);
    }
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(0);
  }
}
