package dev.bankml.features.drift;

import java.util.List;

/** A population stability index, its band and its bins. */
public record PsiResult(String column, double psi, PsiBand band, List<PsiBin> bins) {
  /** Copies the bins. */
  public PsiResult {
    bins = List.copyOf(bins);
  }
}
