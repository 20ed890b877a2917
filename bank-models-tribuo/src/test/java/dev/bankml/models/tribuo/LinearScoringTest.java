package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class LinearScoringTest {
  static Synthetic train;
  static Synthetic test;
  static LinearClassifier model;

  @BeforeAll
  static void fit() {
    train = Synthetic.loans(3000, 1);
    test = Synthetic.loans(500, 2);
    model = (LinearClassifier) new TribuoBackend()
        .classifierTrainer("logistic", Hyperparameters.DEFAULTS, 7).fit(train.x, train.y);
  }

  @Test
  void directScoringEqualsTribuosPrediction() {
    String[] names = TribuoData.featureNames(test.x.cols());
    for (int i = 0; i < test.x.rows(); i++) {
      double[] row = test.x.row(i);
      double tribuo = model.model().predict(new ArrayExample<>(TribuoData.NEGATIVE, names, row))
          .getOutputScores().get("1").getScore();
      assertThat(model.probability(row)).isEqualTo(tribuo);
    }
  }

  @Test
  void batchScoringEqualsSingleRowScoring() {
    double[] batch = model.probabilities(test.x);
    for (int i = 0; i < batch.length; i++) {
      assertThat(batch[i]).isEqualTo(model.probability(test.x.row(i)));
    }
  }

  @Test
  void contributionsAddUpToTheLogOdds() {
    for (int i = 0; i < 50; i++) {
      double[] row = test.x.row(i);
      Contributions c = model.contributions(row).orElseThrow();
      double logit = c.base() + Arrays.stream(c.perFeature()).sum();
      double p = model.probability(row);
      assertThat(logit).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
    }
  }

  @Test
  void learnsTheSignsOfTheTrueCoefficients() {
    double[] coef = model.coefficients();
    assertThat(coef[0]).isGreaterThan(0.5);
    assertThat(coef[1]).isLessThan(-0.4);
    assertThat(model.featureImportance().orElseThrow()[0]).isEqualTo(Math.abs(coef[0]));
  }

  @Test
  void defaultsReachTheAccuracyOfTheTrueModelClosely() {
    double auc = Auc.of(model.probabilities(test.x), test.y);
    double best = Auc.of(test.trueLogit, test.y);
    assertThat(auc).isGreaterThan(best - 0.05);
  }

  @Test
  void unusedLabelTypeIsIrrelevant() {
    assertThat(new Label("1")).isEqualTo(TribuoData.POSITIVE);
  }
}
