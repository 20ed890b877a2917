package dev.bankml.recommender;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Splits index ranges over a bounded number of plain threads, handing out chunks dynamically. */
final class Parallel {
  private Parallel() {}

  /** Work on indices {@code [from, to)} by worker {@code worker} (0-based, below the thread count). */
  @FunctionalInterface
  interface Chunk {
    void run(int worker, int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, n)} in chunks of {@code chunk} indices on at most {@code
   * threads} threads (the caller's thread is one of them). Returns once every chunk is done;
   * rethrows the first failure.
   */
  static void forChunks(int n, int threads, int chunk, Chunk body) {
    int workers = (int) Math.max(1, Math.min(threads, ((long) n + chunk - 1) / chunk));
    if (workers == 1) {
      if (n > 0) {
        body.run(0, 0, n);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] started = new Thread[workers - 1];
    for (int w = 1; w < workers; w++) {
      int worker = w;
      started[w - 1] = new Thread(() -> drain(n, chunk, worker, next, failure, body), "bankml-recommender-" + w);
      started[w - 1].start();
    }
    drain(n, chunk, 0, next, failure, body);
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for recommender workers", e);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }

  private static void drain(
      int n, int chunk, int worker, AtomicInteger next, AtomicReference<Throwable> failure, Chunk body) {
    try {
      while (failure.get() == null) {
        int from = next.getAndAdd(chunk);
        if (from >= n) {
          return;
        }
        body.run(worker, from, Math.min(n, from + chunk));
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }
}
