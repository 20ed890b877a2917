package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class TreeScoringTest {
  static Synthetic train;
  static Synthetic test;
  static ForestClassifier forest;
  static BoostedClassifier boosted;

  @BeforeAll
  static void fit() {
    train = Synthetic.loans(2000, 3);
    test = Synthetic.loans(400, 4);
    TribuoBackend b = new TribuoBackend();
    forest = (ForestClassifier) b.classifierTrainer("random-forest",
        Hyperparameters.DEFAULTS.with("trees", 20).with("threads", 1), 5).fit(train.x, train.y);
    boosted = (BoostedClassifier) b.classifierTrainer("xgboost",
        Hyperparameters.DEFAULTS.with("rounds", 60).with("max_depth", 5).with("threads", 1), 5)
        .fit(train.x, train.y);
  }

  private static double[] tribuo(org.tribuo.Model<Label> m, Synthetic s) {
    String[] names = TribuoData.featureNames(s.x.cols());
    List<Example<Label>> ex = new java.util.ArrayList<>();
    for (int i = 0; i < s.x.rows(); i++) {
      ex.add(new ArrayExample<>(TribuoData.NEGATIVE, names, s.x.row(i)));
    }
    List<Prediction<Label>> p = m.predict(ex);
    return p.stream().mapToDouble(q -> q.getOutputScores().get("1").getScore()).toArray();
  }

  @Test
  void compiledForestEqualsTribuosEnsemblePrediction() {
    double[] expected = tribuo(forest.model(), test);
    double[] actual = forest.probabilities(test.x);
    assertThat(forest.trees()).isEqualTo(20);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void compiledBoostedTreesEqualXgboostsPrediction() {
    double[] expected = tribuo(boosted.model(), test);
    double[] actual = boosted.probabilities(test.x);
    assertThat(boosted.trees()).isEqualTo(120);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(2e-6));
    }
  }

  @Test
  void boostedContributionsAddUpToTheLogOdds() {
    for (int i = 0; i < 20; i++) {
      double[] row = test.x.row(i);
      Contributions c = boosted.contributions(row).orElseThrow();
      double logit = c.base() + Arrays.stream(c.perFeature()).sum();
      double p = boosted.probability(row);
      assertThat(logit).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
    }
  }

  @Test
  void treeImportancesRankTheStrongFeatureFirstAndSumToOne() {
    for (double[] imp : List.of(forest.featureImportance().orElseThrow(),
        boosted.featureImportance().orElseThrow())) {
      assertThat(Arrays.stream(imp).sum()).isCloseTo(1.0, within(1e-9));
      assertThat(imp[0]).isEqualTo(Arrays.stream(imp).max().orElseThrow());
    }
  }

  @Test
  void bothLearnSomethingUseful() {
    assertThat(Auc.of(forest.probabilities(test.x), test.y)).isGreaterThan(0.72);
    assertThat(Auc.of(boosted.probabilities(test.x), test.y)).isGreaterThan(0.75);
  }
}
