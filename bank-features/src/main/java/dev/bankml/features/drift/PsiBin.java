package dev.bankml.features.drift;

/**
 * One bin of a PSI computation.
 *
 * @param label the interval {@code (lower, upper]}, the level, or {@code missing}
 * @param expectedShare share of the expected (baseline) rows in the bin
 * @param actualShare share of the actual (new) rows in the bin
 * @param contribution (actual - expected) * ln(actual / expected), with empty shares floored
 */
public record PsiBin(String label, double expectedShare, double actualShare, double contribution) {}
