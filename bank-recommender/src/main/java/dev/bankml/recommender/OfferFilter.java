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

  /**
   * A filter for catalogues of at most 64 items given as one bit mask per customer: item i may be
   * offered to customer c when bit i of {@code allowed[c]} is set. Keeps (does not copy) the array,
   * which must not change afterwards. {@link ItemRecommender#recommendAll} reads such masks whole
   * instead of asking item by item.
   */
  static OfferFilter ofMasks(long[] allowed) {
    return new MaskFilter(allowed);
  }
}
