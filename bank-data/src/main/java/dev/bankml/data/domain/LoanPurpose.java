package dev.bankml.data.domain;

/** What a loan is for. */
public enum LoanPurpose {
  DEBT_CONSOLIDATION, HOME_IMPROVEMENT, CAR, EDUCATION, BUSINESS, MEDICAL, TRAVEL, OTHER
}
