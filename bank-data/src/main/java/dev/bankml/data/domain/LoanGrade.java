package dev.bankml.data.domain;

/** The bank's own risk grade given at application, {@code A} best to {@code G} worst. */
public enum LoanGrade {
  A, B, C, D, E, F, G
}
