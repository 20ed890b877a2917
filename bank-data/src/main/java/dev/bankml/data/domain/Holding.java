package dev.bankml.data.domain;

import java.time.LocalDate;
import java.util.function.Supplier;

/** A customer holds a product since {@code openedDate}. */
public record Holding(String customerId, String productId, LocalDate openedDate) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Holding {
    Supplier<String> r = () -> "holding of customer " + customerId + " of product " + productId;
    Rules.id(r, "customer_id", customerId);
    Rules.id(r, "product_id", productId);
    Rules.present(r, "opened_date", openedDate);
  }
}
