package dev.bankml.models.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every trial of a search, best first (ties keep the order they were tried in). */
public record Leaderboard(ScoringMetric metric, List<Trial> trials) {
  public Leaderboard {
    List<Trial> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparingDouble(Trial::score).reversed());
    trials = List.copyOf(sorted);
  }

  /** The winning trial. */
  public Trial best() {
    return trials.get(0);
  }
}
