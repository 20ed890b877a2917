package dev.bankml.models.segment;

/**
 * How one input column became a standardised feature, as learned on the training rows: missing
 * values take {@code impute} (the median), a skewed column is log-compressed (log1p, or
 * sign(x)·log1p(|x|) when it has negative values), then {@code (x - center) / scale}, clipped to
 * ±{@code clip} so a few extreme customers cannot own a segment.
 */
public record ColumnScaling(
    String name, double skewness, boolean logTransform, double impute, double center, double scale, double clip) {

  /** The standardised value of a raw value ({@code NaN} meaning missing). */
  public double apply(double raw) {
    double v = Double.isFinite(raw) ? compress(raw) : impute;
    double z = (v - center) / scale;
    return Math.max(-clip, Math.min(clip, z));
  }

  /** The log-compressed value of a raw value when {@link #logTransform()}, else the value itself. */
  double compress(double raw) {
    if (!logTransform) {
      return raw;
    }
    return Math.signum(raw) * Math.log1p(Math.abs(raw));
  }
}
