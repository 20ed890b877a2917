package dev.bankml.data.domain;

/** The hidden persona the generator gave a customer. */
public record CustomerPersona(String customerId, Persona persona) {

  /** Validates both fields. */
  public CustomerPersona {
    Rules.id("customer persona", "customer_id", customerId);
    Rules.present("customer persona " + customerId, "persona", persona);
  }
}
