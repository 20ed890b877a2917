package dev.bankml.data.domain;

import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * One movement of money on a customer's account.
 *
 * @param amount the amount moved, always positive; {@code direction} says which way
 */
public record Transaction(
    String customerId,
    LocalDateTime timestamp,
    double amount,
    Direction direction,
    MerchantCategory category,
    Channel channel) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Transaction {
    Supplier<String> r = Rules.describe("transaction of customer", customerId);
    Rules.id(r, "customer_id", customerId);
    Rules.present(r, "timestamp", timestamp);
    Rules.positive(r, "amount", amount);
    Rules.present(r, "direction", direction);
    Rules.present(r, "category", category);
    Rules.present(r, "channel", channel);
  }

  /** The amount with its sign: positive for a credit, negative for a debit. */
  public double signedAmount() {
    return direction == Direction.CREDIT ? amount : -amount;
  }
}
