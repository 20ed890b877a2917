package dev.bankml.models.tune;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.split.FoldMatrices;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid or random search over one or more of a backend's classifiers, each candidate scored by
 * cross-validation on prepared folds. {@code auto} means every classifier of the backend.
 */
public final class HyperparameterSearch {
  private static final Logger LOG = LoggerFactory.getLogger(HyperparameterSearch.class);

  private HyperparameterSearch() {}

  /** The algorithms {@code name} stands for: all classifiers of {@code backend} for {@code auto}, else that one. */
  public static List<AlgorithmSpec> algorithms(ModelBackend backend, String name) {
    if (name.trim().equalsIgnoreCase("auto")) {
      return Backends.algorithms(backend, Task.CLASSIFICATION);
    }
    return List.of(Backends.algorithm(backend, name, Task.CLASSIFICATION));
  }

  /**
   * Scores candidates of {@code strategy} and returns the leaderboard with the winner's
   * cross-validated score (and out-of-fold predictions). With one algorithm every candidate is
   * tried. With several (as for {@code auto}) the budget is spent in two rounds: first each
   * algorithm's defaults, then the other candidates of the algorithm whose defaults scored best
   * only, so slow algorithms that lose with their defaults are not tuned. Deterministic for a
   * given seed, whatever {@code threads} is.
   */
  public static SearchResult run(
      ModelBackend backend, List<AlgorithmSpec> algorithms, SearchStrategy strategy, long seed,
      List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric, ProgressListener progress) {
    if (algorithms.isEmpty()) {
      throw new BankmlException("backend '" + backend.name() + "' offers no classifier to search");
    }
    List<List<Hyperparameters>> candidates = new ArrayList<>();
    for (AlgorithmSpec a : algorithms) {
      candidates.add(strategy.candidates(a, seed));
    }
    Scoring scoring = new Scoring(backend, seed, folds, rows, threads, metric, progress);
    if (algorithms.size() == 1) {
      scoring.planned = candidates.get(0).size();
      for (Hyperparameters h : candidates.get(0)) {
        scoring.score(algorithms.get(0).name(), h);
      }
      return scoring.result();
    }
    scoring.planned = algorithms.size();
    for (int a = 0; a < algorithms.size(); a++) {
      scoring.score(algorithms.get(a).name(), candidates.get(a).get(0));
    }
    String leader = scoring.bestTrial.algorithm();
    int finalist = 0;
    while (!algorithms.get(finalist).name().equals(leader)) {
      finalist++;
    }
    List<Hyperparameters> rest = candidates.get(finalist).subList(1, candidates.get(finalist).size());
    scoring.planned = algorithms.size() + rest.size();
    for (Hyperparameters h : rest) {
      scoring.score(leader, h);
    }
    return scoring.result();
  }

  /** The trials scored so far and the best of them. */
  private static final class Scoring {
    final ModelBackend backend;
    final long seed;
    final List<FoldMatrices> folds;
    final int rows;
    final int threads;
    final ScoringMetric metric;
    final ProgressListener progress;
    final List<Trial> trials = new ArrayList<>();
    CrossValidatedScore best;
    Trial bestTrial;
    int planned;

    Scoring(ModelBackend backend, long seed, List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric,
        ProgressListener progress) {
      this.backend = backend;
      this.seed = seed;
      this.folds = folds;
      this.rows = rows;
      this.threads = threads;
      this.metric = metric;
      this.progress = progress;
    }

    void score(String algorithm, Hyperparameters h) {
      long start = System.nanoTime();
      CrossValidatedScore s = CrossValidatedScore.of(
          backend, algorithm, h, seed, folds, rows, threads, metric, ProgressListener.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      Trial trial = new Trial(algorithm, h, s.mean(), s.std(), seconds);
      trials.add(trial);
      if (best == null || s.mean() > best.mean()) {
        best = s;
        bestTrial = trial;
      }
      LOG.debug("trial {} {} {}: {}={}", trials.size(), algorithm, h.values(), metric.key(), s.mean());
      progress.progress("search " + backend.name(), trials.size(), planned);
    }

    SearchResult result() {
      return new SearchResult(new Leaderboard(metric, trials), bestTrial, best);
    }
  }
}
