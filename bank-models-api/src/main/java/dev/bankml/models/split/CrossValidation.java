package dev.bankml.models.split;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one task per fold, in parallel on at most {@code threads} threads, and gathers the results in
 * fold order, so the outcome does not depend on the thread count. Training inside a fold must fit
 * everything (feature pipeline included) on the fold's training rows only.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Work done for one fold. */
  @FunctionalInterface
  public interface FoldTask<T> {
    /** The result for fold number {@code fold} with rows {@code split}. */
    T run(int fold, Split split);
  }

  /** Scores the test rows of a fold: returns one probability per {@code split.test()} row, in that order. */
  @FunctionalInterface
  public interface FoldScorer {
    /** Probabilities for the fold's test rows, after training on its training rows. */
    double[] score(int fold, Split split);
  }

  /** The results of {@code task} on every fold, in fold order. */
  public static <T> List<T> run(List<Split> folds, int threads, ProgressListener progress, FoldTask<T> task) {
    if (threads < 1) {
      throw new BankmlException("thread budget must be at least 1, got " + threads);
    }
    int n = Math.min(threads, folds.size());
    AtomicLong done = new AtomicLong();
    if (n <= 1) {
      List<T> out = new ArrayList<>();
      for (int f = 0; f < folds.size(); f++) {
        out.add(task.run(f, folds.get(f)));
        progress.progress("cross-validation", done.incrementAndGet(), folds.size());
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "bankml-cv");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int f = 0; f < folds.size(); f++) {
        int fold = f;
        futures.add(pool.submit(() -> {
          T result = task.run(fold, folds.get(fold));
          progress.progress("cross-validation", done.incrementAndGet(), folds.size());
          return result;
        }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> future : futures) {
        out.add(future.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankmlException("cross-validation was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Out-of-fold probabilities: each row scored by the model of the fold that held it out.
   * {@code rows} is the total row count the folds index into.
   */
  public static double[] outOfFold(int rows, List<Split> folds, int threads, ProgressListener progress, FoldScorer scorer) {
    List<double[]> scored = run(folds, threads, progress, scorer::score);
    double[] oof = new double[rows];
    java.util.Arrays.fill(oof, Double.NaN);
    for (int f = 0; f < folds.size(); f++) {
      int[] test = folds.get(f).test();
      double[] p = scored.get(f);
      if (p.length != test.length) {
        throw new IllegalStateException("fold " + f + " returned " + p.length + " scores for " + test.length + " rows");
      }
      for (int i = 0; i < test.length; i++) {
        oof[test[i]] = p[i];
      }
    }
    return oof;
  }
}
