package dev.bankml.models.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.HyperparameterSpace;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.spi.TrainingCost;
import dev.bankml.models.split.FoldMatrices;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {
  private static final AlgorithmSpec SPEC = new AlgorithmSpec("x", Task.CLASSIFICATION, "", Map.of("a", 1, "b", 0.5),
      List.of(new HyperparameterSpace.IntRange("a", 1, 100, true),
          new HyperparameterSpace.DoubleRange("b", 0.0, 1.0, false),
          new HyperparameterSpace.Choice("c", List.of("gini", "entropy"))));

  @Test
  void gridCoversEndsAndMiddlesAndStartsWithTheDefaults() {
    List<Hyperparameters> grid = new SearchStrategy.Grid(100).candidates(SPEC, 1);
    assertThat(grid).hasSize(1 + 3 * 3 * 2);
    assertThat(grid.get(0)).isEqualTo(Hyperparameters.DEFAULTS);
    assertThat(grid).contains(new Hyperparameters(Map.of("a", 10, "b", 0.5, "c", "entropy")));
  }

  @Test
  void gridLargerThanTheBudgetIsSampledDeterministically() {
    List<Hyperparameters> a = new SearchStrategy.Grid(5).candidates(SPEC, 1);
    assertThat(a).hasSize(5).isEqualTo(new SearchStrategy.Grid(5).candidates(SPEC, 1));
  }

  @Test
  void randomDrawsStayInsideTheSpace() {
    List<Hyperparameters> r = new SearchStrategy.RandomSearch(50).candidates(SPEC, 3);
    assertThat(r).hasSize(50);
    for (Hyperparameters h : r.subList(1, r.size())) {
      assertThat(h.getInt("a", -1)).isBetween(1, 100);
      assertThat(h.getDouble("b", -1)).isBetween(0.0, 1.0);
      assertThat(h.getString("c", "")).isIn("gini", "entropy");
    }
    assertThat(new SearchStrategy.RandomSearch(50).candidates(SPEC, 3)).isEqualTo(r);
  }

  @Test
  void unknownTuningOrMetricNamesAreRefused() {
    assertThatThrownBy(() -> SearchStrategy.parse("bayes", 5)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("none, grid, random");
    assertThatThrownBy(() -> ScoringMetric.parse("f2")).isInstanceOf(BankmlException.class).hasMessageContaining("auc");
    assertThat(ScoringMetric.parse("log-loss")).isEqualTo(ScoringMetric.LOG_LOSS);
  }

  @Test
  void searchRanksCandidatesByCrossValidatedScoreAndIsReproducible() {
    ModelBackend fake = Backends.named("fake");
    int n = 400;
    List<FoldMatrices> folds = logisticFolds(n);
    Leaderboard one = HyperparameterSearch.run(fake, HyperparameterSearch.algorithms(fake, "auto"),
        new SearchStrategy.RandomSearch(6), 9, folds, n, 1, ScoringMetric.AUC, ProgressListener.NONE).leaderboard();
    Leaderboard two = HyperparameterSearch.run(fake, HyperparameterSearch.algorithms(fake, "logistic"),
        new SearchStrategy.RandomSearch(6), 9, folds, n, 3, ScoringMetric.AUC, ProgressListener.NONE).leaderboard();
    assertThat(one.trials()).hasSize(6);
    assertThat(one.best().score()).isGreaterThan(0.7);
    for (int i = 1; i < one.trials().size(); i++) {
      assertThat(one.trials().get(i).score()).isLessThanOrEqualTo(one.trials().get(i - 1).score());
    }
    assertThat(two.trials().stream().map(Trial::score).toList()).isEqualTo(one.trials().stream().map(Trial::score).toList());
  }

  private static List<FoldMatrices> logisticFolds(int n) {
    Random r = new Random(5);
    double[][] rows = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        rows[i][j] = r.nextGaussian();
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(rows[i][0] - rows[i][1]))) ? 1 : 0;
    }
    FeatureMatrix x = FeatureMatrix.of(rows, List.of("a", "b", "c"));
    double[] w = new double[n];
    Arrays.fill(w, 1);
    List<FoldMatrices> folds = new ArrayList<>();
    List<Split> splits = StratifiedSplit.kFold(y, 3, 1);
    for (int f = 0; f < splits.size(); f++) {
      folds.add(FoldMatrices.of(f, splits.get(f), x, y, w));
    }
    return folds;
  }

  @Test
  void aSpentTimeLimitScoresTheFirstCandidateInFullAndReportsTheRestAsNotStarted() {
    ModelBackend fake = Backends.named("fake");
    List<String> statuses = new ArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(String task, long done, long total) {}

      @Override
      public synchronized void progress(String task, long done, long total, String status) {
        statuses.add(done + "/" + total + " " + status);
      }
    };

    SearchResult r = HyperparameterSearch.run(fake, HyperparameterSearch.algorithms(fake, "logistic"),
        new SearchStrategy.RandomSearch(4), 9, logisticFolds(300), 300, 2, ScoringMetric.AUC, Duration.ofNanos(1), listener);

    assertThat(r.leaderboard().trials()).singleElement().extracting(Trial::hyperparameters).isEqualTo(Hyperparameters.DEFAULTS);
    assertThat(r.bestScore().foldScores()).hasSize(3);
    assertThat(r.skipped()).hasSize(3).allSatisfy(c -> {
      assertThat(c.foldsScored()).isZero();
      assertThat(c.reason()).isEqualTo("not started");
    });
    assertThat(statuses.get(statuses.size() - 1)).startsWith("4/4 0 left, best auc 0.").contains("logistic");
  }

  @Test
  void autoTriesTheCheapestAlgorithmsFirst() {
    AlgorithmSpec slow = new AlgorithmSpec("forest", Task.CLASSIFICATION, "", Map.of(), List.of(), TrainingCost.HIGH);
    AlgorithmSpec medium = new AlgorithmSpec("boosting", Task.CLASSIFICATION, "", Map.of(), List.of());
    AlgorithmSpec fast = new AlgorithmSpec("linear", Task.CLASSIFICATION, "", Map.of(), List.of()).withCost(TrainingCost.LOW);
    ModelBackend fake = Backends.named("fake");
    ModelBackend backend = (ModelBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ModelBackend.class},
        (proxy, method, args) -> method.getName().equals("algorithms") ? List.of(slow, medium, fast) : method.invoke(fake, args));

    assertThat(HyperparameterSearch.algorithms(backend, "auto")).extracting(AlgorithmSpec::name)
        .containsExactly("linear", "boosting", "forest");
  }
}
