package dev.bankml.models.fairness;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approval and default rates per group of one protected attribute, on held-out applications
 * (out-of-fold or a test set: never the rows a model was trained on), with each group's approval
 * rate relative to the most-approved group and the four-fifths rule: a ratio below 0.8 is the
 * customary sign of possible adverse impact that deserves a closer look (it proves nothing by
 * itself, and a ratio from a few dozen applications is noisy).
 *
 * @param attribute the protected column, e.g. {@code marital_status}
 * @param groups one entry per group, largest first
 * @param referenceGroup the group with the highest approval rate
 */
public record FairnessReport(String attribute, List<GroupFairness> groups, String referenceGroup) {
  /** The four-fifths rule's threshold on the ratio of approval rates. */
  public static final double FOUR_FIFTHS = 0.8;

  public FairnessReport {
    groups = List.copyOf(groups);
  }

  /** The groups whose approval ratio is below four fifths. */
  public List<GroupFairness> flagged() {
    return groups.stream().filter(GroupFairness::belowFourFifths).toList();
  }

  /**
   * The report for {@code attribute} where row {@code i} belongs to {@code groupOfRow.get(i)},
   * defaulted when {@code defaulted[i] == 1}, and was approved when {@code approved[i]}.
   *
   * @throws BankmlException if the lengths differ, there are no rows, or a label is not 0/1
   */
  public static FairnessReport of(String attribute, List<String> groupOfRow, int[] defaulted, boolean[] approved) {
    int n = groupOfRow.size();
    if (defaulted.length != n || approved.length != n) {
      throw new BankmlException("fairness report for '" + attribute + "': " + n + " group values, " + defaulted.length
          + " labels and " + approved.length + " decisions; they must be equal in number");
    }
    if (n == 0) {
      throw new BankmlException("fairness report for '" + attribute + "': no rows");
    }
    Map<String, long[]> tally = new LinkedHashMap<>(); // count, approved, defaults, approved defaults
    for (int i = 0; i < n; i++) {
      if (defaulted[i] != 0 && defaulted[i] != 1) {
        throw new BankmlException("fairness report for '" + attribute + "': label at row " + i + " is " + defaulted[i]
            + "; labels must be 0 or 1");
      }
      long[] t = tally.computeIfAbsent(groupOfRow.get(i), g -> new long[4]);
      t[0]++;
      t[1] += approved[i] ? 1 : 0;
      t[2] += defaulted[i];
      t[3] += approved[i] ? defaulted[i] : 0;
    }
    double best = -1;
    String reference = "";
    for (Map.Entry<String, long[]> e : tally.entrySet()) {
      double rate = (double) e.getValue()[1] / e.getValue()[0];
      if (rate > best) {
        best = rate;
        reference = e.getKey();
      }
    }
    List<GroupFairness> groups = new ArrayList<>();
    for (Map.Entry<String, long[]> e : tally.entrySet()) {
      long[] t = e.getValue();
      double rate = (double) t[1] / t[0];
      double ratio = best > 0 ? rate / best : 1; // nobody approved anywhere: no group is worse off
      groups.add(new GroupFairness(e.getKey(), t[0], t[1], rate, (double) t[2] / t[0],
          t[1] == 0 ? Double.NaN : (double) t[3] / t[1], ratio, ratio < FOUR_FIFTHS));
    }
    groups.sort(Comparator.comparingLong(GroupFairness::count).reversed().thenComparing(GroupFairness::group));
    return new FairnessReport(attribute, groups, reference);
  }

  /**
   * One report per column of {@code table} named in {@code protectedColumns}, grouping rows by
   * {@link ProtectedGroups#of}: categorical and boolean columns by value, numeric columns by value
   * when they have at most {@value ProtectedGroups#MAX_NUMERIC_LEVELS} distinct values and by
   * quintile bands otherwise, dates by year; missing values form a group {@code (missing)}.
   */
  public static List<FairnessReport> of(Table table, List<String> protectedColumns, int[] defaulted, boolean[] approved) {
    List<FairnessReport> out = new ArrayList<>();
    for (String c : protectedColumns) {
      out.add(of(c, ProtectedGroups.of(table.column(c)), defaulted, approved));
    }
    return out;
  }

  /** {@link #of(Table, List, int[], boolean[])} with approval meaning probability of default below {@code threshold}. */
  public static List<FairnessReport> of(
      Table table, List<String> protectedColumns, int[] defaulted, double[] probabilities, double threshold) {
    boolean[] approved = new boolean[probabilities.length];
    for (int i = 0; i < approved.length; i++) {
      approved[i] = probabilities[i] < threshold;
    }
    return of(table, protectedColumns, defaulted, approved);
  }
}
