package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import smile.math.MathEx;

/**
 * Runs one seeded Smile training so that the same seed gives the same model, even when many
 * trainings run at once.
 *
 * <p>Smile 3.1.1 keeps its random generator in a {@code ThreadLocal} ({@code MathEx.setSeed} seeds
 * only the calling thread). A training that ran on a fork-join worker could, while waiting for one
 * of Smile's own parallel streams, steal and run another training's task on the same thread and so
 * disturb that thread's generator. Each training therefore runs on a fresh, dedicated thread whose
 * generator is seeded first: it is never a fork-join worker, so nothing else runs on it. Smile's
 * random forest seeds every tree itself from the seeds we pass.
 */
final class SeededTraining {
  private SeededTraining() {}

  /** The result of {@code body}, computed on a fresh thread whose Smile generator is seeded with {@code seed}. */
  static <T> T run(long seed, String what, Supplier<T> body) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                MathEx.setSeed(seed);
                result.set(body.get());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "bankml-smile-" + what);
    t.setDaemon(true);
    t.start();
    try {
      // Wait as a managed blocker: when the caller is itself a fork-join worker (training inside a
      // parallel stream), the pool adds a spare worker while we wait, so Smile's own parallel
      // streams on the training thread still find a worker. A plain join() here deadlocked with a
      // common pool of parallelism 1 (2 cores).
      ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
        @Override
        public boolean block() throws InterruptedException {
          t.join();
          return true;
        }

        @Override
        public boolean isReleasable() {
          return !t.isAlive();
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankmlException("Smile " + what + " training was interrupted", e);
    }
    Throwable e = failure.get();
    if (e instanceof BankmlException be) {
      throw be;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new BankmlException("Smile " + what + " training failed: " + e.getMessage(), e);
    }
    return result.get();
  }
}
