package dev.bankml.web;

import java.util.List;
import java.util.Map;

/**
 * What the model page needs from one loaded loan model: its answers on evaluation rows, how those
 * rows relate to its training, its threshold, grades and costs, importance, the data profile and
 * drift. Implementations may compute lazily but must be safe to call from many threads.
 */
public interface ModelInsights {
  /** The model's short name, as in {@link LoanScorer#label()}. */
  String label();

  /** The rows {@link #heldOut()} holds, in words, e.g. "573 held-out applications (20 %, never used in training)". */
  String evaluatedOn();

  /** Whether {@link #heldOut()} rows were kept out of training; if not, the page leads with {@link #crossValidated()}. */
  boolean heldOutRows();

  /** The model's probabilities on the evaluation rows with their observed outcomes. */
  HeldOut heldOut();

  /** Cross-validated metrics from training (auc, gini, ks, brier, log_loss, …); empty when unknown. */
  default Map<String, Double> crossValidated() {
    return Map.of();
  }

  /** Folds of {@link #crossValidated()}; 0 when unknown. */
  default int cvFolds() {
    return 0;
  }

  /** The decision threshold: probabilities at or above it are declined. */
  double threshold();

  /** The model's risk grade of probability {@code p}, {@code A} safest. */
  String grade(double p);

  /** Every grade letter, safest first. */
  List<String> gradeLetters();

  /** What a wrong decision costs, for the expected cost at a threshold. */
  default Costs costs() {
    return Costs.ASSUMED;
  }

  /** Loan amount per evaluation row (for the expected loss), NaN where unknown; empty when there is none. */
  default double[] exposure() {
    return new double[0];
  }

  /** Global importance per source column, any scale, larger is more important. */
  List<Importance> importance();

  /** The training data profile. */
  DataProfile profile();

  /** Population stability of each input between the training rows and the evaluation rows; empty when unknown. */
  default List<Drift> drift() {
    return List.of();
  }

  /** One column's global importance. */
  record Importance(String column, double value) {}

  /** One column's population stability index, training against evaluation rows. */
  record Drift(String column, double psi) {}

  /**
   * Costs of the two errors in one unit (e.g. "a declined good payer = 1").
   *
   * @param missedDefault cost of approving an applicant who defaults
   * @param declinedGood cost of declining an applicant who repays
   * @param source where the costs come from, in words
   */
  record Costs(double missedDefault, double declinedGood, String source) {
    /** A missed default costs five declined good payers: a common rule of thumb, stated as assumed. */
    public static final Costs ASSUMED = new Costs(5, 1, "assumed: a missed default costs 5, a declined good payer 1");
  }
}
