package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.metrics.LogLoss;
import dev.bankml.models.spi.Hyperparameters;
import org.junit.jupiter.api.Test;

/** Gradient boosting holds out a slice of its training rows and keeps the best number of trees. */
class BoostingEarlyStoppingTest {
  private final SmileBackend backend = new SmileBackend();
  private final Synthetic.Labelled train = Synthetic.credit(1200, 5, 31);
  private final Synthetic.Labelled fresh = Synthetic.credit(2000, 5, 32);
  /** A deliberately over-fitting configuration: large steps, many deep trees. */
  private final Hyperparameters greedy = Hyperparameters.DEFAULTS
      .with("trees", 200).with("shrinkage", 0.5).with("max_leaves", 32).with("min_node_size", 2);

  private BoostingModel fit(Hyperparameters h, long seed) {
    return (BoostingModel) backend.classifierTrainer("gradient-boosting", h, seed).fit(train.x(), train.y());
  }

  @Test
  void overfittingEnsembleIsCutAndScoresNewRowsBetter() {
    BoostingModel stopped = fit(greedy.with("early_stopping", 0.2), 7);
    BoostingModel full = fit(greedy.with("early_stopping", 0), 7);

    assertThat(full.trees()).isEqualTo(200);
    assertThat(stopped.trees()).isLessThan(100);
    assertThat(LogLoss.of(fresh.y(), stopped.probabilities(fresh.x())))
        .isLessThan(LogLoss.of(fresh.y(), full.probabilities(fresh.x())));
  }

  @Test
  void sameSeedKeepsTheSameTreesAndScores() {
    Hyperparameters h = greedy.with("early_stopping", 0.2);
    BoostingModel a = fit(h, 11);
    BoostingModel b = fit(h, 11);

    assertThat(b.trees()).isEqualTo(a.trees());
    assertThat(b.probabilities(fresh.x())).containsExactly(a.probabilities(fresh.x()));
  }

  @Test
  void earlyStoppingIsOnByDefault() {
    BoostingModel m = fit(greedy, 3);

    assertThat(m.trees()).isLessThan(200);
  }

  @Test
  void holdOutShareAboveHalfIsRefusedWithTheValidRange() {
    assertThatThrownBy(() -> fit(greedy.with("early_stopping", 0.8), 1))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("early_stopping")
        .hasMessageContaining("0.5");
  }
}
