package dev.bankml.features.profile;

/** Something about a column worth a look before modelling. */
public record ProfileWarning(String column, Kind kind, String message) {
  /** The kinds of warning. */
  public enum Kind {
    /** One distinct value (or none): carries no information. */
    CONSTANT,
    /** Every value distinct: an identifier, not a feature. */
    ID_LIKE,
    /** Many levels: one-hot would explode; consider WoE or grouping. */
    HIGH_CARDINALITY,
    /** More than half the values missing. */
    MOSTLY_MISSING,
    /** Almost equal to the target: probably information from after the outcome. */
    LEAKAGE_SUSPECT
  }
}
