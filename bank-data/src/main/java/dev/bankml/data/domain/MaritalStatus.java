package dev.bankml.data.domain;

/** A customer's marital status. */
public enum MaritalStatus {
  SINGLE, MARRIED, DIVORCED, WIDOWED
}
