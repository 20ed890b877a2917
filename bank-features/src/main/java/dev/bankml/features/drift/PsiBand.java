package dev.bankml.features.drift;

/** The usual reading of a population stability index. */
public enum PsiBand {
  /** PSI below 0.10: no meaningful shift. */
  STABLE,
  /** PSI from 0.10 to below 0.25: moderate shift, investigate. */
  MODERATE,
  /** PSI 0.25 or more: major shift, the model likely needs attention. */
  MAJOR;

  /** The band of {@code psi}. */
  public static PsiBand of(double psi) {
    if (psi < 0.10) {
      return STABLE;
    }
    return psi < 0.25 ? MODERATE : MAJOR;
  }
}
