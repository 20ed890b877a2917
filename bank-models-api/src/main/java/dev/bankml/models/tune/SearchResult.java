package dev.bankml.models.tune;

import java.util.List;

/**
 * What a search found: every scored trial ranked, the winning trial and its cross-validated score,
 * and the candidates its time limit left unranked (empty when every candidate was scored).
 */
public record SearchResult(Leaderboard leaderboard, Trial best, CrossValidatedScore bestScore, List<SkippedCandidate> skipped) {
  public SearchResult {
    skipped = List.copyOf(skipped);
  }
}
