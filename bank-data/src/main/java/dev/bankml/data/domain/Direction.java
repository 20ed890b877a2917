package dev.bankml.data.domain;

/** Whether money leaves the account ({@code DEBIT}) or arrives ({@code CREDIT}). */
public enum Direction {
  DEBIT, CREDIT
}
