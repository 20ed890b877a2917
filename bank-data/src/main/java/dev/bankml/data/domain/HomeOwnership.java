package dev.bankml.data.domain;

/** Whether a customer rents, pays a mortgage, owns outright or lives with family. */
public enum HomeOwnership {
  RENT, MORTGAGE, OWN, LIVING_WITH_FAMILY
}
