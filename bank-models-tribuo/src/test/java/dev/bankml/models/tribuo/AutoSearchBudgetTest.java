package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.split.FoldMatrices;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import dev.bankml.models.tune.HyperparameterSearch;
import dev.bankml.models.tune.ScoringMetric;
import dev.bankml.models.tune.SearchResult;
import dev.bankml.models.tune.SearchStrategy;
import dev.bankml.models.tune.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code auto} on the Tribuo backend scores every classifier's defaults, then tunes only the best one. */
class AutoSearchBudgetTest {
  private final TribuoBackend tribuo = new TribuoBackend();

  private SearchResult search(long seed) {
    Synthetic data = Synthetic.loans(600, 4);
    double[] w = new double[data.y.length];
    Arrays.fill(w, 1);
    List<FoldMatrices> folds = new ArrayList<>();
    List<Split> splits = StratifiedSplit.kFold(data.y, 3, 1);
    for (int f = 0; f < splits.size(); f++) {
      folds.add(FoldMatrices.of(f, splits.get(f), data.x, data.y, w));
    }
    return HyperparameterSearch.run(tribuo, HyperparameterSearch.algorithms(tribuo, "auto"),
        new SearchStrategy.RandomSearch(3), seed, folds, data.y.length, 2, ScoringMetric.AUC, ProgressListener.NONE);
  }

  @Test
  void everyDefaultIsScoredAndOnlyTheLeaderIsTuned() {
    SearchResult result = search(5);
    Map<String, List<Trial>> byAlgorithm = result.leaderboard().trials().stream()
        .collect(Collectors.groupingBy(Trial::algorithm));

    assertThat(byAlgorithm.keySet()).containsExactlyInAnyOrder("logistic", "random-forest", "xgboost");
    String leader = byAlgorithm.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    assertThat(byAlgorithm.get(leader)).hasSize(3);
    byAlgorithm.forEach((name, trials) -> {
      if (!name.equals(leader)) {
        assertThat(trials).singleElement().extracting(Trial::hyperparameters).isEqualTo(Hyperparameters.DEFAULTS);
      }
    });
    Trial leaderDefaults = byAlgorithm.get(leader).stream()
        .filter(t -> t.hyperparameters().equals(Hyperparameters.DEFAULTS)).findFirst().orElseThrow();
    for (List<Trial> trials : byAlgorithm.values()) {
      for (Trial t : trials) {
        if (t.hyperparameters().equals(Hyperparameters.DEFAULTS)) {
          assertThat(t.score()).isLessThanOrEqualTo(leaderDefaults.score());
        }
      }
    }
  }

  @Test
  void sameSeedGivesTheSameLeaderboard() {
    List<Double> a = search(9).leaderboard().trials().stream().map(Trial::score).toList();
    List<Double> b = search(9).leaderboard().trials().stream().map(Trial::score).toList();

    assertThat(b).isEqualTo(a);
  }
}
