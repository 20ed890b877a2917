package dev.bankml.models.segment;

import java.util.List;

/**
 * How the number of segments was chosen: every candidate's evidence, the inertia knee, the chosen
 * {@code k}, whether the user forced it, and the rule in words.
 */
public record KSelection(List<KCandidate> candidates, int knee, int chosen, boolean forced, String rule) {
  public KSelection {
    candidates = List.copyOf(candidates);
  }

  /**
   * What each criterion of the vote picks over {@link #candidates()} (the inertia knee, best
   * silhouette, Davies–Bouldin and Calinski–Harabasz; the lowest BIC when every candidate has one).
   */
  public List<KVote> votes() {
    return KRule.votes(candidates, knee);
  }
}
