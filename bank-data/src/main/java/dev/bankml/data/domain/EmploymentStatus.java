package dev.bankml.data.domain;

/** How a customer earns a living. */
public enum EmploymentStatus {
  EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, RETIRED, STUDENT
}
