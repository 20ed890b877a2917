package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InteractionMatrixTest {
  @Test
  void rowsAndColumnsAgreeAndDuplicatesCountOnce() {
    InteractionMatrix m = InteractionMatrix.binary(3, 4, new int[] {2, 0, 0, 2, 0}, new int[] {1, 3, 1, 1, 3});
    assertThat(m.itemsOf(0)).containsExactly(1, 3);
    assertThat(m.itemsOf(1)).isEmpty();
    assertThat(m.itemsOf(2)).containsExactly(1);
    assertThat(m.customersOf(1)).containsExactly(0, 2);
    assertThat(m.customersOf(0)).isEmpty();
    assertThat(m.nonZeros()).isEqualTo(3);
    assertThat(m.holds(0, 3)).isTrue();
    assertThat(m.holds(1, 3)).isFalse();
  }

  @Test
  void weightedDuplicatesAddUp() {
    InteractionMatrix m = InteractionMatrix.weighted(1, 2, new int[] {0, 0}, new int[] {1, 1}, new double[] {0.5, 2});
    assertThat(m.isWeighted()).isTrue();
    assertThat(m.rowWeights()).containsExactly(2.5f);
  }

  @Test
  void recencyWeightsHalveEveryHalfLife() {
    double[] w = InteractionMatrix.recencyWeights(new long[] {100, 70, 40, 120}, 100, 30);
    assertThat(w).containsExactly(new double[] {1, 0.5, 0.25, 1}, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void outOfRangeItemIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> InteractionMatrix.binary(2, 3, new int[] {0, 1}, new int[] {2, 3}))
        .isInstanceOf(RecommenderInputException.class)
        .hasMessageContaining("item index 3 at position 1")
        .hasMessageContaining("0..2");
  }

  @Test
  void nonPositiveWeightIsRefused() {
    assertThatThrownBy(() -> InteractionMatrix.weighted(1, 1, new int[] {0}, new int[] {0}, new double[] {Double.NaN}))
        .isInstanceOf(RecommenderInputException.class)
        .hasMessageContaining("weight at position 0 is NaN");
  }

  @Test
  void labelsMustMatchItemCount() {
    InteractionMatrix m = InteractionMatrix.fromRows(2, new int[][] {{0}});
    assertThatThrownBy(() -> m.withItemLabels(java.util.List.of("a")))
        .isInstanceOf(RecommenderInputException.class)
        .hasMessageContaining("1 item labels for 2 items");
  }
}
