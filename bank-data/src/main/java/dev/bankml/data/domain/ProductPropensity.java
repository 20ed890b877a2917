package dev.bankml.data.domain;

import java.util.function.Supplier;

/**
 * A customer's true propensity to open a product: the probability, under the generator's model,
 * of opening it within the next twelve months given the customer's persona and the other products
 * held at the end of the data. Zero when the customer is not eligible.
 */
public record ProductPropensity(String customerId, String productId, double propensity) {
  private static final Supplier<String> KIND = Rules.named("product propensity");

  /** Validates the ids and that {@code propensity} is a probability. */
  public ProductPropensity {
    Rules.id(KIND, "customer_id", customerId);
    Rules.id(KIND, "product_id", productId);
    Rules.range(() -> "product propensity " + customerId + "/" + productId, "propensity", propensity, 0.0, 1.0);
  }
}
