package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import smile.data.Tuple;
import smile.data.type.StructType;

/** The fast scoring paths give what Smile's own predict gives, and explanations add up. */
class SmileAgreementTest {
  private final SmileBackend backend = new SmileBackend();
  private final Synthetic.Labelled data = Synthetic.credit(1500, 6, 21);
  private final StructType schema = SmileInputs.featureSchema(6);

  @Test
  void boostingScoresEqualSmilesPosteriori() {
    BoostingModel m = (BoostingModel) backend.classifierTrainer("gradient-boosting", Hyperparameters.DEFAULTS, 3)
        .fit(data.x(), data.y());
    double[] post = new double[2];
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      m.smile().predict(Tuple.of(row, schema), post);
      assertThat(m.probability(row)).isCloseTo(post[1], within(1e-12));
    }
  }

  @Test
  void forestScoresEqualSmilesPosteriori() {
    ForestModel m = (ForestModel) backend.classifierTrainer("random-forest",
        Hyperparameters.DEFAULTS.with("trees", 60), 3).fit(data.x(), data.y());
    double[] post = new double[2];
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      m.smile().predict(Tuple.of(row, schema), post);
      assertThat(m.probability(row)).isCloseTo(post[1], within(1e-12));
    }
  }

  @Test
  void logisticScoresEqualSmilesScore() {
    LogisticModel m = (LogisticModel) backend.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 3)
        .fit(data.x(), data.y());
    for (int i = 0; i < 200; i++) {
      double[] row = data.x().row(i);
      assertThat(m.probability(row)).isCloseTo(m.smile().score(row), within(1e-12));
    }
  }

  @Test
  void boostingContributionsShareOneBaseAcrossRows() {
    var c = backend.classifierTrainer("gradient-boosting", Hyperparameters.DEFAULTS, 3).fit(data.x(), data.y());
    double base = c.contributions(data.x().row(0)).orElseThrow().base();
    for (int i = 1; i < 50; i++) {
      Contributions k = c.contributions(data.x().row(i)).orElseThrow();
      assertThat(k.base()).isCloseTo(base, within(1e-6));
      double p = c.probability(data.x().row(i));
      assertThat(k.base() + Arrays.stream(k.perFeature()).sum()).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
    }
  }

  @Test
  void logisticContributionsAreCoefficientTimesValue() {
    LogisticModel m = (LogisticModel) backend.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 3)
        .fit(data.x(), data.y());
    double[] w = m.coefficients();
    double[] row = data.x().row(7);
    Contributions k = m.contributions(row).orElseThrow();
    assertThat(k.base()).isEqualTo(w[6]);
    for (int j = 0; j < 6; j++) {
      assertThat(k.perFeature()[j]).isEqualTo(w[j] * row[j]);
    }
  }

  @Test
  void strongerRegularisationShrinksLogisticCoefficients() {
    LogisticModel loose = (LogisticModel) backend.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("lambda", 1e-4), 3).fit(data.x(), data.y());
    LogisticModel tight = (LogisticModel) backend.classifierTrainer("logistic",
        Hyperparameters.DEFAULTS.with("lambda", 500.0), 3).fit(data.x(), data.y());
    assertThat(Math.abs(tight.coefficients()[0])).isLessThan(Math.abs(loose.coefficients()[0]));
  }

  @Test
  void forestClassWeightsFavourTheHeavierClass() {
    assertThat(ForestModel.classWeights(new int[] {0, 0, 1}, new double[] {1, 1, 5})).containsExactly(5, 1);
    assertThat(ForestModel.classWeights(new int[] {0, 1}, new double[] {1, 1})).containsExactly(1, 1);
  }

  @Test
  void rowRepetitionFollowsTheWeightsWithinTheCap() {
    assertThat(SmileInputs.repetitions(new double[] {1, 2, 0, 3}, 10)).containsExactly(1, 2, 0, 3);
    int[] capped = SmileInputs.repetitions(new double[] {1, 100, 1, 1}, 2);
    assertThat(Arrays.stream(capped).sum()).isLessThanOrEqualTo(8 + 4);
    assertThat(capped[1]).isGreaterThan(capped[0]);
  }
}
