package dev.bankml.data.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Supplier;

/** One product of the bank's catalogue with its eligibility rules. */
public record Product(String productId, String name, ProductCategory category, Eligibility eligibility) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Product {
    Supplier<String> r = Rules.describe("product", productId);
    Rules.id(r, "product_id", productId);
    Rules.id(r, "name", name);
    Rules.present(r, "category", category);
    Rules.present(r, "eligibility", eligibility);
    if (eligibility.requiresAny().contains(productId) || eligibility.excludes().contains(productId)) {
      throw new InvalidRecordException(r.get() + ": eligibility refers to the product itself");
    }
  }

  /**
   * Whether {@code customer}, holding {@code heldProductIds}, may open this product on
   * {@code asOf} by its rules (age, income, prerequisites, exclusions). Whether the customer
   * already holds this product is not checked.
   */
  public boolean eligible(Customer customer, Collection<String> heldProductIds, LocalDate asOf) {
    return eligibility.allows(customer, heldProductIds, asOf);
  }
}
