package dev.bankml.data.domain;

/** How a transaction was made. */
public enum Channel {
  CARD, ONLINE, ATM, BRANCH, DIRECT_DEBIT
}
