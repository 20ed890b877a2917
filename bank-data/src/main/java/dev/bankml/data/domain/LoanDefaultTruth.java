package dev.bankml.data.domain;

import java.util.function.Supplier;

/** The true probability of default the generator drew a loan's {@code defaulted} label from. */
public record LoanDefaultTruth(String loanId, double truePd) {
  private static final Supplier<String> KIND = Rules.named("loan truth");

  /** Validates the id and that {@code truePd} is a probability. */
  public LoanDefaultTruth {
    Rules.id(KIND, "loan_id", loanId);
    Rules.range(Rules.describe("loan truth", loanId), "true_pd", truePd, 0.0, 1.0);
  }
}
