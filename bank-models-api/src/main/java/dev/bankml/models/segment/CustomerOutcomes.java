package dev.bankml.models.segment;

import java.util.Map;
import java.util.Set;

/**
 * What the bank knows about customers beyond behaviour, for segment profiles: whether each customer
 * (by id) ever defaulted on a loan (customers without loans absent), and the products each holds.
 */
public record CustomerOutcomes(Map<String, Boolean> defaulted, Map<String, Set<String>> holdings) {
  /** No outcomes: profiles then carry no default rate or product holdings. */
  public static final CustomerOutcomes NONE = new CustomerOutcomes(Map.of(), Map.of());

  public CustomerOutcomes {
    defaulted = Map.copyOf(defaulted);
    holdings = Map.copyOf(holdings);
  }
}
