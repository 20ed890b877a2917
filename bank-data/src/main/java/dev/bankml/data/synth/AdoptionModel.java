package dev.bankml.data.synth;

import static dev.bankml.data.synth.ProductCatalogue.*;

import dev.bankml.data.domain.Persona;
import java.util.Collection;

/**
 * How fast a customer opens a product: a monthly hazard from the persona's affinity, multiplied by
 * a co-adoption factor for each product already held (mortgage → home insurance, salary account →
 * credit card, …).
 */
final class AdoptionModel {
  /** Monthly hazard of affinity levels 0 to 3. */
  private static final double[] LEVEL = {0.0006, 0.006, 0.018, 0.045};
  private static final double MAX_HAZARD = 0.35;
  private static final double[][] LIFT = new double[20][20];

  /** The designed co-adoption pairs: holding the first multiplies the hazard of the second. */
  static final Object[][] PAIRS = {
    {MORTGAGE, HOME_INSURANCE, 12.0},
    {MORTGAGE, LIFE_INSURANCE, 5.0},
    {SALARY_ACCOUNT, CLASSIC_CARD, 4.0},
    {PREMIUM_ACCOUNT, GOLD_CARD, 6.0},
    {PREMIUM_ACCOUNT, INVESTMENT_FUND, 3.0},
    {SAVINGS, TERM_DEPOSIT, 6.0},
    {INVESTMENT_FUND, BROKERAGE, 5.0},
    {BUSINESS_ACCOUNT, BUSINESS_LOAN, 6.0},
    {STUDENT_ACCOUNT, STUDENT_LOAN, 6.0},
    {CLASSIC_CARD, TRAVEL_INSURANCE, 3.0},
    {GOLD_CARD, TRAVEL_INSURANCE, 4.0},
    {PENSION_PLAN, INVESTMENT_FUND, 2.5},
    {HOME_INSURANCE, LIFE_INSURANCE, 2.0},
    {TERM_DEPOSIT, INVESTMENT_FUND, 2.0},
    {CAR_LOAN, PERSONAL_LOAN, 0.5},
    {SALARY_ACCOUNT, MORTGAGE, 1.5},
  };

  static {
    for (double[] row : LIFT) {
      java.util.Arrays.fill(row, 1.0);
    }
    for (Object[] p : PAIRS) {
      LIFT[indexOf((String) p[0])][indexOf((String) p[1])] = (Double) p[2];
    }
  }

  private AdoptionModel() {}

  /** Monthly hazard of opening {@code productId} for a {@code persona} holding {@code held}. */
  static double hazard(Persona persona, String productId, Collection<String> held) {
    int p = indexOf(productId);
    double h = LEVEL[PersonaProfile.of(persona).productAffinity()[p]];
    for (String q : held) {
      if (!q.equals(productId)) {
        h *= LIFT[indexOf(q)][p];
      }
    }
    return Math.min(h, MAX_HAZARD);
  }

  /**
   * Like {@link #hazard(Persona, String, Collection)} with the holdings as the catalogue indices
   * {@code held[0..count)} in that order, leaving out {@code skip}.
   */
  static double hazard(Persona persona, int p, int[] held, int count, int skip) {
    double h = LEVEL[PersonaProfile.of(persona).productAffinity()[p]];
    for (int k = 0; k < count; k++) {
      int q = held[k];
      if (q != skip && q != p) {
        h *= LIFT[q][p];
      }
    }
    return Math.min(h, MAX_HAZARD);
  }

  /** Like {@link #hazard(Persona, String, Collection)} with holdings as flags by catalogue index. */
  static double hazard(Persona persona, int p, boolean[] held) {
    double h = LEVEL[PersonaProfile.of(persona).productAffinity()[p]];
    for (int q = 0; q < held.length; q++) {
      if (held[q] && q != p) {
        h *= LIFT[q][p];
      }
    }
    return Math.min(h, MAX_HAZARD);
  }
}
