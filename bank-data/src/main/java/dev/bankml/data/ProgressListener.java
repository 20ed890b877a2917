package dev.bankml.data;

/**
 * Receives progress of long work (generation, training, scoring). Library code calls it; only the
 * command-line tool and the web UI draw it. Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (task, done, total) -> {};

  /**
   * Reports that {@code done} of {@code total} units of {@code task} are finished; {@code total}
   * is -1 when unknown.
   */
  void progress(String task, long done, long total);

  /**
   * {@link #progress(String, long, long)} with a short {@code status} to show beside the count (for
   * a model search: candidates left, the best score so far, the time used); listeners that draw no
   * status ignore it.
   */
  default void progress(String task, long done, long total, String status) {
    progress(task, done, total);
  }
}
