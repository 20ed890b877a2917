package dev.bankml.models.spi;

/**
 * How each feature moved one prediction away from the base value, in log-odds of the positive
 * class: {@code base + sum(perFeature)} is the model's log-odds for the row.
 */
public record Contributions(double base, double[] perFeature) {}
