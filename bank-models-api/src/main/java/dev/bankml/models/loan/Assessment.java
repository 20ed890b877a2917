package dev.bankml.models.loan;

import dev.bankml.models.explain.Explanation;
import java.util.List;

/**
 * The model's answer for one application: probability of default, decision, score points, up to
 * four principal reasons in words (the source columns that raised the risk most, largest first)
 * and the full explanation behind them.
 */
public record Assessment(double probability, Decision decision, long score, List<String> reasons, Explanation explanation) {
  public Assessment {
    reasons = List.copyOf(reasons);
  }
}
