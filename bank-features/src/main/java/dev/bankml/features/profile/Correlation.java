package dev.bankml.features.profile;

/** Pearson and Spearman correlation of two numeric columns over rows where both are present. */
public record Correlation(String a, String b, double pearson, double spearman) {}
