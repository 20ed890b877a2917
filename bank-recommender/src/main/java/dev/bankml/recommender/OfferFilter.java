package dev.bankml.recommender;

/**
 * Decides whether a product may be offered to a customer (minimum age, income, prerequisites,
 * exclusions such as a second mortgage). Ineligible products are never recommended. Implementations
 * must be thread-safe: scoring calls them from several threads.
 */
@FunctionalInterface
public interface OfferFilter {
  /** Every product is eligible for every customer. */
  OfferFilter ALL = (customer, item) -> true;

  /** Whether {@code item} may be offered to {@code customer} (both zero-based indices). */
  boolean eligible(int customer, int item);
}
