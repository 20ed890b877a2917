package dev.bankml.features.profile;

/**
 * The target mean (the event rate for a 0/1 target) among the rows of one level or quantile bin.
 *
 * @param group the level, the bin {@code [lower, upper]}, or {@code missing}
 */
public record TargetRate(String group, long count, double rate) {}
