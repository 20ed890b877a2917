package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lift and cumulative gains by score group (deciles by default): rows sorted by descending score
 * and cut into groups as equal in size as possible. Group 1 holds the highest scores.
 */
public record LiftTable(List<Group> groups) {
  public LiftTable {
    groups = List.copyOf(groups);
  }

  /**
   * One group: its rows, positives, positive rate, the lift of its rate over the overall rate, the
   * share of all positives captured by this and the higher groups (gains) and cumulative lift.
   */
  public record Group(
      int group, long rows, long positives, double positiveRate, double lift, double cumulativeGains,
      double cumulativeLift) {}

  /** Ten groups (deciles). */
  public static LiftTable deciles(int[] labels, double[] scores) {
    return of(labels, scores, 10);
  }

  /** {@code groupCount} groups of (nearly) equal size. */
  public static LiftTable of(int[] labels, double[] scores, int groupCount) {
    BinaryInputs.check("lift table", labels, scores);
    if (groupCount < 1 || groupCount > labels.length) {
      throw new BankmlException(
          "lift table: group count must be between 1 and the number of rows (" + labels.length + "), got " + groupCount);
    }
    int n = labels.length;
    int[] order = BinaryInputs.byDescendingScore(scores);
    double totalPos = BinaryInputs.positives(labels);
    double overallRate = totalPos / n;
    List<Group> groups = new ArrayList<>();
    long cumRows = 0;
    long cumPos = 0;
    for (int g = 0; g < groupCount; g++) {
      int from = (int) ((long) g * n / groupCount);
      int to = (int) ((long) (g + 1) * n / groupCount);
      long pos = 0;
      for (int i = from; i < to; i++) {
        pos += labels[order[i]];
      }
      long rows = to - from;
      cumRows += rows;
      cumPos += pos;
      double rate = rows == 0 ? 0 : (double) pos / rows;
      double cumRate = (double) cumPos / cumRows;
      groups.add(new Group(
          g + 1, rows, pos, rate,
          overallRate == 0 ? 0 : rate / overallRate,
          totalPos == 0 ? 0 : cumPos / totalPos,
          overallRate == 0 ? 0 : cumRate / overallRate));
    }
    return new LiftTable(groups);
  }
}
