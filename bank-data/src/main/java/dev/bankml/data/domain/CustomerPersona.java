package dev.bankml.data.domain;

import java.util.function.Supplier;

/** The hidden persona the generator gave a customer. */
public record CustomerPersona(String customerId, Persona persona) {
  private static final Supplier<String> KIND = Rules.named("customer persona");

  /** Validates both fields. */
  public CustomerPersona {
    Rules.id(KIND, "customer_id", customerId);
    Rules.present(Rules.describe("customer persona", customerId), "persona", persona);
  }
}
