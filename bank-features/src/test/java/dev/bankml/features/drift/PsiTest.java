package dev.bankml.features.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.table.CategoricalColumn;
import org.junit.jupiter.api.Test;

class PsiTest {
  @Test
  void psiMatchesTheHandComputedExample() {
    // expected shares 0.2 / 0.5 / 0.3, actual 0.3 / 0.4 / 0.3:
    // (0.3-0.2)ln(1.5) + (0.4-0.5)ln(0.8) + 0 = 0.040546511 + 0.022314355 = 0.062860866
    double[] expected = {1, 1, 2, 2, 2, 2, 2, 3, 3, 3};
    double[] actual = {1, 1, 1, 2, 2, 2, 2, 3, 3, 3};
    PsiResult r = Psi.withCuts("x", expected, actual, new double[] {1.5, 2.5});
    assertThat(r.psi()).isCloseTo(0.062860866, within(1e-9));
    assertThat(r.band()).isEqualTo(PsiBand.STABLE);
  }

  @Test
  void majorShiftIsBandedMajor() {
    // 0.5/0.5 -> 0.9/0.1: 0.4 ln(1.8) + (-0.4) ln(0.2) = 0.235114666 + 0.643775165 = 0.878889831
    CategoricalColumn e = CategoricalColumn.of("c", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b");
    CategoricalColumn a = CategoricalColumn.of("c", "b", "b", "b", "b", "b", "b", "b", "b", "b", "a");
    PsiResult r = Psi.categorical("c", e, a);
    assertThat(r.psi()).isCloseTo(0.878889831, within(1e-9));
    assertThat(r.band()).isEqualTo(PsiBand.MAJOR);
  }

  @Test
  void identicalSamplesHaveZeroPsiAndBandsFollowTheUsualLines() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Psi.numeric("x", x, x, 10).psi()).isZero();
    assertThat(PsiBand.of(0.0999)).isEqualTo(PsiBand.STABLE);
    assertThat(PsiBand.of(0.10)).isEqualTo(PsiBand.MODERATE);
    assertThat(PsiBand.of(0.25)).isEqualTo(PsiBand.MAJOR);
  }
}
