package dev.bankml.data.domain;

/** The true probability of default the generator drew a loan's {@code defaulted} label from. */
public record LoanDefaultTruth(String loanId, double truePd) {

  /** Validates the id and that {@code truePd} is a probability. */
  public LoanDefaultTruth {
    Rules.id(Rules.named("loan truth"), "loan_id", loanId);
    Rules.range(Rules.describe("loan truth", loanId), "true_pd", truePd, 0.0, 1.0);
  }
}
