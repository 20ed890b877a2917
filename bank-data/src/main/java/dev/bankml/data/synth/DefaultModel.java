package dev.bankml.data.synth;

import dev.bankml.data.domain.EmploymentStatus;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The default process: a logistic function of a non-linear score over the application, the customer
 * and the transactions before the application date, plus an unobserved term (character, luck) that
 * only the default draw sees. The intercept is solved so that the mean probability hits the target
 * default rate.
 *
 * <p>The published truth ({@code true_pd}) is the probability of default given everything the bank can
 * observe: the logistic function averaged over the unobserved term ({@link #observableProbability}).
 * It is the best answer any model of the bank's data can give, so a model's distance to it measures
 * what the model leaves on the table, not the luck in the draw.
 */
final class DefaultModel {
  /** Standard deviation of the part of the score no data shows (character, luck). */
  static final double UNOBSERVED_SD = 0.6;

  /** Overall steepness; sets how separable defaults are (AUC of the true probability near 0.86). */
  static final double SCALE = 0.7;

  private DefaultModel() {}

  /** What the score reads; transaction aggregates are over windows ending the day before application. */
  record Inputs(
      double debtToIncome,
      EmploymentStatus employment,
      int delinquencies,
      double bufferMonths,
      double gamblingShare,
      int returnedPayments90d,
      boolean noIncome45d,
      int creditScore,
      int recentInquiries,
      int age,
      int termMonths) {}

  /** The score without intercept and without the unobserved term. */
  static double score(Inputs in) {
    boolean fragile = in.employment() == EmploymentStatus.SELF_EMPLOYED
        || in.employment() == EmploymentStatus.UNEMPLOYED
        || in.employment() == EmploymentStatus.STUDENT;
    double z = 0;
    // debt-to-income threshold near 0.40, steeper for fragile employment (interaction)
    z += 1.6 * sigmoid((in.debtToIncome() - 0.40) / 0.05) * (fragile ? 1.8 : 1.0);
    // any recent delinquency is a step, more add a little
    z += in.delinquencies() > 0 ? 1.1 + 0.35 * Math.min(in.delinquencies(), 4) : 0;
    // thin savings buffer (net flow of the last 180 days, in months of income): thresholds
    z += in.bufferMonths() < 0.25 ? 1.0 : 0;
    z += in.bufferMonths() < 0 ? 0.5 : 0;
    z += 8.0 * Math.min(in.gamblingShare(), 0.3);
    z += 0.55 * Math.min(in.returnedPayments90d(), 4);
    z += in.noIncome45d() ? 1.3 : 0;
    z -= 0.010 * (in.creditScore() - 680);
    z += 0.18 * Math.min(in.recentInquiries(), 6);
    z += in.age() < 25 ? 0.4 : 0;
    z += in.termMonths() >= 60 ? 0.3 : 0;
    return z;
  }

  /** Gauss–Hermite rule for the average over the unobserved term (exact enough at 1e-9 for this range). */
  private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(40);

  /**
   * The probability of default given the observed score {@code x} (already scaled, with intercept):
   * E[sigmoid(x + SCALE·UNOBSERVED_SD·Z)] for a standard normal Z.
   */
  static double observableProbability(double x) {
    double sd = SCALE * UNOBSERVED_SD;
    // ∫ f(√2·t) e^{-t²} dt / √π = E[f(Z)]
    return HERMITE.integrate(t -> sigmoid(x + sd * Math.sqrt(2) * t)) / Math.sqrt(Math.PI);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The intercept that makes the mean of sigmoid(score + intercept) equal {@code target}. */
  static double intercept(double[] scores, double target) {
    if (scores.length == 0) {
      return Math.log(target / (1 - target));
    }
    double lo = -30;
    double hi = 30;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      double mean = 0;
      for (double s : scores) {
        mean += sigmoid(s + mid);
      }
      mean /= scores.length;
      if (mean < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
