package dev.bankml.data.domain;

import java.util.List;
import java.util.function.Supplier;

/** What the generator knows and the tables hide: true default probabilities, personas, propensities. */
public record BankTruth(
    List<LoanDefaultTruth> loanDefaultProbabilities,
    List<CustomerPersona> personas,
    List<ProductPropensity> propensities) {
  private static final Supplier<String> TRUTH = Rules.named("truth");

  /** Copies the lists. */
  public BankTruth {
    loanDefaultProbabilities = Rules.list(TRUTH, "loan default probabilities", loanDefaultProbabilities);
    personas = Rules.list(TRUTH, "personas", personas);
    propensities = Rules.list(TRUTH, "propensities", propensities);
  }
}
