package dev.bankml.features.woe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.table.CategoricalColumn;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WoeBinningTest {
  // x = 1..10 cut at 3 and 7. Bin (-inf,3]: events 2, non-events 1; (3,7]: 1, 3; (7,inf): 1, 2.
  // Totals: 4 events, 6 non-events. Hand computed:
  //   bin 1: ln((1/6)/(2/4)) = ln(1/3) = -1.098612289, iv = (1/6-2/4)*-1.098612289 = 0.366204096
  //   bin 2: ln((3/6)/(1/4)) = ln(2)   =  0.693147181, iv = (3/6-1/4)* 0.693147181 = 0.173286795
  //   bin 3: ln((2/6)/(1/4)) = ln(4/3) =  0.287682072, iv = (2/6-1/4)* 0.287682072 = 0.023973506
  //   IV = 0.563464397
  static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  static final double[] Y = {1, 1, 0, 1, 0, 0, 0, 1, 0, 0};

  @Test
  void woeAndIvMatchTheHandComputedExample() {
    WoeTable t = WoeBinning.fitCuts("x", X, Y, new double[] {3, 7});
    assertThat(t.bins()).hasSize(3);
    assertThat(t.bins().get(0).woe()).isCloseTo(-1.098612289, within(1e-9));
    assertThat(t.bins().get(1).woe()).isCloseTo(0.693147181, within(1e-9));
    assertThat(t.bins().get(2).woe()).isCloseTo(0.287682072, within(1e-9));
    assertThat(t.bins().get(0).iv()).isCloseTo(0.366204096, within(1e-9));
    assertThat(t.iv()).isCloseTo(0.563464397, within(1e-9));
    assertThat(t.woe(3.0)).isEqualTo(t.bins().get(0).woe());
    assertThat(t.woe(3.5)).isEqualTo(t.bins().get(1).woe());
    assertThat(t.woe(Double.NaN)).isZero();
  }

  @Test
  void categoricalWoeMatchesTheSameCountsAndUnseenLevelsGoToOther() {
    // levels a: 2 events 1 non-event, b: 1/3, c: 1/2 -> same WoE as the numeric bins above
    CategoricalColumn c = CategoricalColumn.of("c", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c");
    WoeTable t = new WoeBinning(10, 0, Monotonicity.NONE).fit(c, Y);
    assertThat(t.woe(Optional.of("a"))).isCloseTo(-1.098612289, within(1e-9));
    assertThat(t.iv()).isCloseTo(0.563464397, within(1e-9));
    assertThat(t.woe(Optional.of("zzz"))).isZero();
  }

  @Test
  void missingValuesGetTheirOwnBin() {
    double[] x = {Double.NaN, Double.NaN, 1, 2, 3, 4};
    double[] y = {1, 1, 0, 0, 1, 0};
    WoeTable t = WoeBinning.fitCuts("x", x, y, new double[] {2});
    // missing: 2 of 3 events, 0 of 3 non-events (counted as 0.5): ln((0.5/3)/(2/3)) = ln(0.25)
    assertThat(t.missing().woe()).isCloseTo(Math.log(0.25), within(1e-12));
    assertThat(t.woe(Double.NaN)).isEqualTo(t.missing().woe());
  }

  @Test
  void monotonicBinningGivesAMonotonicEventRate() {
    int n = 2000;
    double[] x = new double[n];
    double[] y = new double[n];
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() * 100;
      y[i] = r.nextDouble() < 0.05 + 0.3 * x[i] / 100 + (x[i] > 40 && x[i] < 50 ? -0.2 : 0) ? 1 : 0;
    }
    WoeTable t = new WoeBinning(10, 0.05, Monotonicity.AUTO).fit("x", x, y);
    for (int b = 1; b < t.bins().size(); b++) {
      assertThat(t.bins().get(b).eventRate()).isGreaterThanOrEqualTo(t.bins().get(b - 1).eventRate());
    }
    assertThat(t.bins().size()).isBetween(2, 10);
  }
}
