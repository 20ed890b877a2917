package dev.bankml.features.profile;

/**
 * Moments and quantiles of a numeric column's present values. Quantiles interpolate linearly
 * between order statistics; {@code std} is the sample standard deviation; {@code skew} the
 * sample skewness (Fisher-Pearson, bias-adjusted; 0 for fewer than 3 values or no spread).
 */
public record NumericSummary(
    double mean, double std, double min, double p1, double p5, double p25, double p50, double p75, double p95, double p99,
    double max, double skew) {}
