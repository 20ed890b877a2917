package dev.bankml.data.domain;

/**
 * The hidden customer type that drives the synthetic bank's behaviour. It is ground truth, written
 * only to {@code truth/customer_persona.csv}; no table a model sees carries it.
 */
public enum Persona {
  STUDENT,
  YOUNG_PROFESSIONAL,
  FAMILY,
  AFFLUENT,
  RETIREE,
  SMALL_BUSINESS
}
