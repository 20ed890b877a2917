package dev.bankml.cli;

import dev.bankml.data.ProgressListener;
import java.io.PrintStream;

/**
 * A progress bar on stderr. Redraws at most ten times a second; {@code --quiet} gives
 * {@link ProgressListener#NONE} instead.
 */
final class Progress implements ProgressListener {
  private final PrintStream out;
  private long lastDraw;
  private String lastTask = "";
  private int lastLength;

  private Progress(PrintStream out) {
    this.out = out;
  }

  /** A bar on stderr, or nothing when {@code quiet}. */
  static ProgressListener create(boolean quiet) {
    return quiet ? ProgressListener.NONE : new Progress(System.err);
  }

  @Override
  public void progress(String task, long done, long total) {
    progress(task, done, total, "");
  }

  /** The bar, then {@code status} (for a model search: candidates left, best score so far, time used). */
  @Override
  public synchronized void progress(String task, long done, long total, String status) {
    long now = System.nanoTime();
    boolean finished = total >= 0 && done >= total;
    if (!finished && task.equals(lastTask) && now - lastDraw < 100_000_000L) {
      return;
    }
    if (!task.equals(lastTask) && !lastTask.isEmpty()) {
      out.print('\n');
      lastLength = 0;
    }
    lastTask = task;
    lastDraw = now;
    StringBuilder line = new StringBuilder("\r").append(task).append(' ');
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
      line.append(String.format("%3d%% (%,d/%,d)", done * 100 / total, done, total));
    } else {
      line.append(String.format("%,d", done));
    }
    if (!status.isEmpty()) {
      line.append("  ").append(status);
    }
    int length = line.length();
    if (length < lastLength) {
      line.append(" ".repeat(lastLength - length));
    }
    lastLength = length;
    out.print(line);
    if (finished) {
      out.print('\n');
      lastTask = "";
      lastLength = 0;
    }
    out.flush();
  }
}
