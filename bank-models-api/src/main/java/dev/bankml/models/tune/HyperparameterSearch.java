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
   * Tries every candidate of {@code strategy} for each of {@code algorithms} and returns the
   * leaderboard with the winner's cross-validated score (and out-of-fold predictions).
   * Deterministic for a given seed, whatever {@code threads} is.
   */
  public static SearchResult run(
      ModelBackend backend, List<AlgorithmSpec> algorithms, SearchStrategy strategy, long seed,
      List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric, ProgressListener progress) {
    if (algorithms.isEmpty()) {
      throw new BankmlException("backend '" + backend.name() + "' offers no classifier to search");
    }
    List<Trial> trials = new ArrayList<>();
    CrossValidatedScore best = null;
    Trial bestTrial = null;
    record Candidate(String algorithm, Hyperparameters hyperparameters) {}
    List<Candidate> plan = new ArrayList<>();
    for (AlgorithmSpec a : algorithms) {
      for (Hyperparameters h : strategy.candidates(a, seed)) {
        plan.add(new Candidate(a.name(), h));
      }
    }
    for (int t = 0; t < plan.size(); t++) {
      String algorithm = plan.get(t).algorithm();
      Hyperparameters h = plan.get(t).hyperparameters();
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
      LOG.debug("trial {} {} {}: {}={}", t + 1, algorithm, h.values(), metric.key(), s.mean());
      progress.progress("search " + backend.name(), t + 1, plan.size());
    }
    return new SearchResult(new Leaderboard(metric, trials), bestTrial, best);
  }
}
