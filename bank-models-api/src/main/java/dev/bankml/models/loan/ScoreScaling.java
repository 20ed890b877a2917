package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;

/**
 * Credit-score points from a probability of default by "points to double the odds" scaling:
 * {@code score = base + pdo / ln 2 · ln(odds / baseOdds)}, with odds = good : bad = (1 − p) / p.
 * The default gives 600 points at odds 19 : 1 and 50 more points each time the odds double.
 */
public record ScoreScaling(double baseScore, double baseOdds, double pointsToDoubleOdds) {
  /** 600 points at 19 : 1, 50 points to double the odds. */
  public static final ScoreScaling DEFAULT = new ScoreScaling(600, 19, 50);

  public ScoreScaling {
    if (!(baseOdds > 0) || !(pointsToDoubleOdds > 0) || !Double.isFinite(baseScore)) {
      throw new BankmlException("score scaling needs base odds > 0 and points to double the odds > 0, got odds="
          + baseOdds + " pdo=" + pointsToDoubleOdds);
    }
  }

  /** The score of a probability of default {@code p}, rounded to whole points. */
  public long points(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    double odds = (1 - q) / q;
    return Math.round(baseScore + pointsToDoubleOdds / Math.log(2) * Math.log(odds / baseOdds));
  }
}
