package dev.bankml.models.explain;

import java.util.List;

/**
 * Why one row got its probability: per source column contributions in log-odds, sorted from the
 * one that raised the risk most to the one that lowered it most. {@code method} is {@code exact}
 * when the classifier supplied its own contributions (linear terms, TreeSHAP) and
 * {@code baseline-substitution} for the model-agnostic fallback, whose contributions need not add
 * up to the total.
 */
public record Explanation(double probability, double baseLogOdds, List<ColumnContribution> contributions, String method) {
  public Explanation {
    contributions = List.copyOf(contributions);
  }

  /** Up to {@code n} columns that raised the risk, largest first. */
  public List<ColumnContribution> topRisks(int n) {
    return contributions.stream().filter(c -> c.logOdds() > 0).limit(n).toList();
  }
}
