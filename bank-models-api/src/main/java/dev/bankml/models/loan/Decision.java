package dev.bankml.models.loan;

import java.util.Locale;

/** What to do with an application. */
public enum Decision {
  /** Risk below the review band. */
  APPROVE,
  /** Risk inside the review band around the threshold: a person decides. */
  REVIEW,
  /** Risk at or above the threshold (and above the review band). */
  DECLINE;

  /** Lower-case name, as written in prediction files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
