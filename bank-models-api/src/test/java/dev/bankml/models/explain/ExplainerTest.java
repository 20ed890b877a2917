package dev.bankml.models.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.tune.ScoringMetric;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  /** A fixed logistic model over three encoded features from two columns; contributions hidden to force the fallback. */
  record Linear(double b0, double[] w, boolean offersOwn) implements Classifier {
    @Override
    public String algorithm() {
      return "linear";
    }

    @Override
    public int featureCount() {
      return w.length;
    }

    @Override
    public double probability(double[] row) {
      double z = b0;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * row[j];
      }
      return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double[] probabilities(FeatureMatrix x) {
      double[] out = new double[x.rows()];
      for (int i = 0; i < out.length; i++) {
        out[i] = probability(x.row(i));
      }
      return out;
    }

    @Override
    public java.util.Optional<dev.bankml.models.spi.Contributions> contributions(double[] row) {
      if (!offersOwn) {
        return java.util.Optional.empty();
      }
      double[] c = new double[w.length];
      for (int j = 0; j < w.length; j++) {
        c[j] = w[j] * row[j];
      }
      return java.util.Optional.of(new dev.bankml.models.spi.Contributions(b0, c));
    }
  }

  private static final List<String> NAMES = List.of("dti", "purpose=car", "purpose=home");
  private static final List<String> SOURCES = List.of("dti", "purpose", "purpose");

  @Test
  void fallbackRecoversLinearTermsFoldedToSourceColumns() {
    Linear m = new Linear(-1, new double[] {2.0, 0.5, -1.0}, false);
    Explainer e = Explainer.of(m, new double[] {0, 0, 0}, SOURCES);
    Explanation x = e.explain(new double[] {1.5, 0, 1});
    assertThat(x.method()).isEqualTo("baseline-substitution");
    assertThat(x.contributions()).extracting(ColumnContribution::column).containsExactly("dti", "purpose");
    assertThat(x.contributions().get(0).logOdds()).isCloseTo(3.0, within(1e-9));
    assertThat(x.contributions().get(1).logOdds()).isCloseTo(-1.0, within(1e-9));
    assertThat(x.topRisks(4)).extracting(ColumnContribution::column).containsExactly("dti");
  }

  @Test
  void exactContributionsFromTheClassifierAreSummedPerColumn() {
    Linear m = new Linear(-1, new double[] {2.0, 0.5, -1.0}, true);
    Explanation x = Explainer.of(m, new double[] {0, 0, 0}, SOURCES).explain(new double[] {1, 1, 1});
    assertThat(x.method()).isEqualTo("exact");
    assertThat(x.contributions().get(1).column()).isEqualTo("purpose");
    assertThat(x.contributions().get(1).logOdds()).isCloseTo(-0.5, within(1e-12));
    double total = x.baseLogOdds() + x.contributions().stream().mapToDouble(ColumnContribution::logOdds).sum();
    assertThat(total).isCloseTo(Math.log(x.probability() / (1 - x.probability())), within(1e-9));
  }

  @Test
  void permutationImportanceRanksTheUsedColumnFirstAndTheIgnoredOneNearZero() {
    Random r = new Random(2);
    int n = 600;
    double[] v = new double[n * 3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      v[i * 3] = r.nextGaussian();
      v[i * 3 + 1] = r.nextBoolean() ? 1 : 0;
      v[i * 3 + 2] = 1 - v[i * 3 + 1];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-2 * v[i * 3])) ? 1 : 0;
    }
    FeatureMatrix x = FeatureMatrix.wrap(v, n, NAMES, SOURCES);
    Linear m = new Linear(0, new double[] {2.0, 0, 0}, false);
    List<ColumnImportance> imp = PermutationImportance.of(m, x, y, ScoringMetric.AUC, 3, 1);
    assertThat(imp.get(0).column()).isEqualTo("dti");
    assertThat(imp.get(0).meanDrop()).isGreaterThan(0.2);
    assertThat(imp.get(1).meanDrop()).isCloseTo(0.0, within(1e-12));
  }
}
