package dev.bankml.data.domain;

/** A customer's highest completed education. */
public enum Education {
  SECONDARY, VOCATIONAL, BACHELOR, MASTER, DOCTORATE
}
