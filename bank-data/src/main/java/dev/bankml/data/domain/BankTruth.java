package dev.bankml.data.domain;

import java.util.List;

/** What the generator knows and the tables hide: true default probabilities, personas, propensities. */
public record BankTruth(
    List<LoanDefaultTruth> loanDefaultProbabilities,
    List<CustomerPersona> personas,
    List<ProductPropensity> propensities) {

  /** Copies the lists. */
  public BankTruth {
    loanDefaultProbabilities = List.copyOf(Rules.present("truth", "loan default probabilities", loanDefaultProbabilities));
    personas = List.copyOf(Rules.present("truth", "personas", personas));
    propensities = List.copyOf(Rules.present("truth", "propensities", propensities));
  }
}
