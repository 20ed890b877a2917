package dev.bankml.data.domain;

/** The hidden persona the generator gave a customer. */
public record CustomerPersona(String customerId, Persona persona) {

  /** Validates both fields. */
  public CustomerPersona {
    Rules.id(Rules.named("customer persona"), "customer_id", customerId);
    Rules.present(Rules.describe("customer persona", customerId), "persona", persona);
  }
}
