package dev.bankml.features.woe;

/** The trend a numeric WoE binning must follow across its bins. */
public enum Monotonicity {
  /** No constraint: bins are kept as the quantiles give them. */
  NONE,
  /** Event rate must rise or fall consistently; the direction is taken from the data. */
  AUTO,
  /** Event rate rises with the value. */
  INCREASING,
  /** Event rate falls with the value. */
  DECREASING
}
