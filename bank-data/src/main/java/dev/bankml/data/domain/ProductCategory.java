package dev.bankml.data.domain;

/** The family a catalogue product belongs to. */
public enum ProductCategory {
  ACCOUNT, CARD, LOAN, MORTGAGE, SAVINGS, INVESTMENT, INSURANCE, PENSION
}
