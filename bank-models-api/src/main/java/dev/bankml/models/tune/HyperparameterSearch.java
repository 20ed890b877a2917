package dev.bankml.models.tune;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.split.CrossValidation;
import dev.bankml.models.split.FoldMatrices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid or random search over one or more of a backend's classifiers, each candidate scored by
 * cross-validation on prepared folds. {@code auto} means every classifier of the backend.
 */
public final class HyperparameterSearch {
  private static final Logger LOG = LoggerFactory.getLogger(HyperparameterSearch.class);

  /** Limits longer than this are treated as no limit. */
  private static final Duration UNLIMITED = Duration.ofDays(365);

  private HyperparameterSearch() {}

  /**
   * The algorithms {@code name} stands for: all classifiers of {@code backend} for {@code auto},
   * cheapest to train first ({@link AlgorithmSpec#cost()}, ties in the backend's order); else that one.
   */
  public static List<AlgorithmSpec> algorithms(ModelBackend backend, String name) {
    if (name.trim().equalsIgnoreCase("auto")) {
      List<AlgorithmSpec> all = new ArrayList<>(Backends.algorithms(backend, Task.CLASSIFICATION));
      all.sort(Comparator.comparing(AlgorithmSpec::cost));
      return List.copyOf(all);
    }
    return List.of(Backends.algorithm(backend, name, Task.CLASSIFICATION));
  }

  /** {@link #run(ModelBackend, List, SearchStrategy, long, List, int, int, ScoringMetric, Duration, ProgressListener)} without a time limit. */
  public static SearchResult run(
      ModelBackend backend, List<AlgorithmSpec> algorithms, SearchStrategy strategy, long seed,
      List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric, ProgressListener progress) {
    return run(backend, algorithms, strategy, seed, folds, rows, threads, metric, UNLIMITED, progress);
  }

  /**
   * Scores candidates of {@code strategy} in the order given and returns the leaderboard with the
   * winner's cross-validated score (and out-of-fold predictions). With one algorithm every candidate
   * is tried. With several (as for {@code auto}) the budget is spent in two rounds: first each
   * algorithm's defaults, then the other candidates of the algorithm whose defaults scored best
   * only, so slow algorithms that lose with their defaults are not tuned.
   *
   * <p>{@code timeLimit} bounds the search: once it has passed, no candidate and no fold is started
   * (folds already running finish); a candidate missing folds is not ranked. The first candidate is
   * always scored in full, so there is a winner. What was left out is in
   * {@link SearchResult#skipped()}. Deterministic for a given seed, whatever {@code threads} is, as
   * long as the limit is not reached.
   */
  public static SearchResult run(
      ModelBackend backend, List<AlgorithmSpec> algorithms, SearchStrategy strategy, long seed,
      List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric, Duration timeLimit,
      ProgressListener progress) {
    if (algorithms.isEmpty()) {
      throw new BankmlException("backend '" + backend.name() + "' offers no classifier to search");
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new BankmlException("the search's time limit must be positive, got " + timeLimit);
    }
    List<List<Hyperparameters>> candidates = new ArrayList<>();
    for (AlgorithmSpec a : algorithms) {
      candidates.add(strategy.candidates(a, seed));
    }
    Scoring scoring = new Scoring(backend, seed, folds, rows, threads, metric, timeLimit, progress);
    if (algorithms.size() == 1) {
      scoring.planned = candidates.get(0).size();
      for (Hyperparameters h : candidates.get(0)) {
        scoring.score(algorithms.get(0).name(), h);
      }
      return scoring.result();
    }
    int tunedPerAlgorithm = candidates.stream().mapToInt(List::size).max().orElse(1) - 1;
    scoring.planned = algorithms.size() + tunedPerAlgorithm;
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

  /** The trials scored so far, the best of them and what the time limit left out. */
  private static final class Scoring {
    final ModelBackend backend;
    final long seed;
    final List<FoldMatrices> folds;
    final int rows;
    final int threads;
    final ScoringMetric metric;
    final ProgressListener progress;
    final long start = System.nanoTime();
    final long limitNanos;
    final String limitText;
    final List<Trial> trials = new ArrayList<>();
    final List<SkippedCandidate> skipped = new ArrayList<>();
    CrossValidatedScore best;
    Trial bestTrial;
    int planned;

    Scoring(ModelBackend backend, long seed, List<FoldMatrices> folds, int rows, int threads, ScoringMetric metric,
        Duration timeLimit, ProgressListener progress) {
      this.backend = backend;
      this.seed = seed;
      this.folds = folds;
      this.rows = rows;
      this.threads = threads;
      this.metric = metric;
      this.progress = progress;
      boolean unlimited = timeLimit.compareTo(UNLIMITED) >= 0;
      this.limitNanos = unlimited ? Long.MAX_VALUE : timeLimit.toNanos();
      this.limitText = unlimited ? "" : " of " + clock(limitNanos);
    }

    boolean timeIsUp() {
      return System.nanoTime() - start >= limitNanos;
    }

    void score(String algorithm, Hyperparameters h) {
      boolean mayCut = !trials.isEmpty();
      if (mayCut && timeIsUp()) {
        skipped.add(new SkippedCandidate(algorithm, h, 0, folds.size()));
        LOG.info("time limit reached: {} {} not started", algorithm, h.values());
        report(0);
        return;
      }
      long t0 = System.nanoTime();
      AtomicInteger foldsDone = new AtomicInteger();
      report(0);
      List<double[]> scored = CrossValidation.run(CrossValidatedScore.splits(folds), threads, ProgressListener.NONE,
          (f, split) -> {
            if (mayCut && timeIsUp()) {
              return null;
            }
            FoldMatrices fm = folds.get(f);
            double[] p = backend.classifierTrainer(algorithm, h, seed)
                .fit(fm.trainX(), fm.trainY(), fm.trainWeights()).probabilities(fm.testX());
            report(foldsDone.incrementAndGet());
            return p;
          });
      int complete = (int) scored.stream().filter(p -> p != null).count();
      if (complete < folds.size()) {
        skipped.add(new SkippedCandidate(algorithm, h, complete, folds.size()));
        LOG.info("time limit reached: {} {} cut after {} of {} folds", algorithm, h.values(), complete, folds.size());
        report(0);
        return;
      }
      CrossValidatedScore s = CrossValidatedScore.of(metric, folds, rows, scored);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Trial trial = new Trial(algorithm, h, s.mean(), s.std(), seconds);
      trials.add(trial);
      if (best == null || s.mean() > best.mean()) {
        best = s;
        bestTrial = trial;
      }
      LOG.debug("trial {} {} {}: {}={}", trials.size(), algorithm, h.values(), metric.key(), s.mean());
      report(0);
    }

    /** Candidates done and left, the best score so far and the time used; {@code folds} of the running one. */
    synchronized void report(int foldsOfRunning) {
      int done = trials.size() + skipped.size();
      StringBuilder status = new StringBuilder();
      status.append(Math.max(0, planned - done)).append(" left");
      if (foldsOfRunning > 0 && foldsOfRunning < folds.size()) {
        status.append(" (fold ").append(foldsOfRunning).append('/').append(folds.size()).append(')');
      }
      if (bestTrial != null) {
        status.append(String.format(Locale.ROOT, ", best %s %.4f %s", metric.key(), bestTrial.score(), bestTrial.algorithm()));
      }
      status.append(", ").append(clock(System.nanoTime() - start)).append(limitText);
      progress.progress("search " + backend.name(), done, planned, status.toString());
    }

    static String clock(long nanos) {
      long s = nanos / 1_000_000_000L;
      return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    SearchResult result() {
      return new SearchResult(new Leaderboard(metric, trials), bestTrial, best, skipped);
    }
  }
}
