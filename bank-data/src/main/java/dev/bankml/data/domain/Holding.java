package dev.bankml.data.domain;

import java.time.LocalDate;

/** A customer holds a product since {@code openedDate}. */
public record Holding(String customerId, String productId, LocalDate openedDate) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Holding {
    if (customerId == null || customerId.isBlank() || productId == null || productId.isBlank()
        || openedDate == null) { // valid records skip building the description
      String r = "holding of customer " + customerId + " of product " + productId;
      Rules.id(r, "customer_id", customerId);
      Rules.id(r, "product_id", productId);
      Rules.present(r, "opened_date", openedDate);
    }
  }
}
