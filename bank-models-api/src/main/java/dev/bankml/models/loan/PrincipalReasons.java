package dev.bankml.models.loan;

import dev.bankml.models.explain.ColumnContribution;
import dev.bankml.models.explain.Explanation;
import dev.bankml.models.loan.ReasonWording.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks and words the principal reasons of one assessment: the source columns whose contributions
 * raised the risk, largest first, up to four, each phrase at most once. The direction of a column
 * (high, low, missing, which level) is read from the encoded row against the explainer's baseline
 * (the training means): the column's own standardised value, its missing indicator
 * ({@code col_missing}) or its one-hot levels ({@code col=level}). Immutable.
 */
final class PrincipalReasons {
  static final int MAX = 4;
  /** Wording for a declined application none of whose columns is worse than the typical applicant's. */
  static final String ABOVE_THRESHOLD = "Overall risk above the approval threshold";

  private record Probe(int value, int missing, Map<Integer, String> levels) {}

  private final Map<String, Probe> probes = new HashMap<>();
  private final double[] baseline;

  PrincipalReasons(List<String> featureNames, List<String> sources, double[] baseline) {
    this.baseline = baseline.clone();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int j = 0; j < sources.size(); j++) {
      groups.computeIfAbsent(sources.get(j), k -> new ArrayList<>()).add(j);
    }
    groups.forEach((column, features) -> {
      int value = -1;
      int missing = -1;
      Map<Integer, String> levels = new LinkedHashMap<>();
      for (int j : features) {
        String f = featureNames.get(j);
        if (f.equals(column)) {
          value = j;
        } else if (f.equals(column + "_missing")) {
          missing = j;
        } else if (f.startsWith(column + "=")) {
          levels.put(j, f.substring(column.length() + 1));
        }
      }
      probes.put(column, new Probe(value, missing, levels));
    });
  }

  /**
   * The reasons for encoded {@code row} explained by {@code e}. A declined application always gets
   * at least one: when no column raised the risk above the typical applicant's (possible only when
   * the threshold lies below the typical applicant's risk), the one reason is
   * {@value #ABOVE_THRESHOLD}, attributed to the column that lowered the risk least.
   */
  List<Reason> of(double[] row, Explanation e, Decision decision) {
    List<Reason> out = new ArrayList<>();
    Set<String> said = new HashSet<>();
    for (ColumnContribution c : e.contributions()) {
      if (out.size() == MAX || !(c.logOdds() > 0)) {
        break;
      }
      String text = text(c.column(), row);
      if (said.add(text)) {
        out.add(new Reason(c.column(), text, c.logOdds()));
      }
    }
    if (out.isEmpty() && decision == Decision.DECLINE && !e.contributions().isEmpty()) {
      ColumnContribution least = e.contributions().get(0);
      out.add(new Reason(least.column(), ABOVE_THRESHOLD, least.logOdds()));
    }
    return out;
  }

  /** The wording of risk-raising {@code column} for encoded {@code row}. */
  String text(String column, double[] row) {
    Probe p = probes.get(column);
    if (p == null) {
      return ReasonWording.phrase(column, Direction.UNKNOWN, "");
    }
    if (p.missing() >= 0 && row[p.missing()] > 0.5) {
      return ReasonWording.phrase(column, Direction.MISSING, "");
    }
    if (p.value() >= 0) {
      double v = row[p.value()];
      double b = baseline[p.value()];
      Direction d = v > b ? Direction.HIGH : v < b ? Direction.LOW : Direction.UNKNOWN;
      return ReasonWording.phrase(column, d, "");
    }
    for (Map.Entry<Integer, String> level : p.levels().entrySet()) {
      if (row[level.getKey()] > 0.5) {
        String l = level.getValue();
        return l.equals("missing") ? ReasonWording.phrase(column, Direction.MISSING, "")
            : ReasonWording.phrase(column, Direction.LEVEL, l);
      }
    }
    return ReasonWording.phrase(column, Direction.UNKNOWN, "");
  }
}
