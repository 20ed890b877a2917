package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class FlatTreesTest {
  /** Doubles at and around the places where {@code (float) v < t} can change its answer. */
  private static List<Double> near(float t) {
    List<Double> v = new ArrayList<>();
    float below = Math.nextDown(t);
    double mid = Float.isInfinite(below) ? t - Math.ulp(t) / 2.0 : ((double) below + t) / 2;
    for (double centre : new double[] {mid, t, below, Math.nextUp(t), -t, 0.0, -0.0}) {
      double x = centre;
      double y = centre;
      for (int k = 0; k < 4; k++) {
        v.add(x);
        v.add(y);
        x = Math.nextUp(x);
        y = Math.nextDown(y);
      }
    }
    v.removeIf(d -> !Double.isFinite(d));
    return v;
  }

  private static void assertXgboostRule(float t, double v) {
    assertThat(v < FlatTrees.belowAsFloat(t)).as("(float) %s < %sf", v, t).isEqualTo((float) v < t);
  }

  @Property(tries = 3000)
  void belowAsFloatIsXgboostsFloatComparisonForEveryFiniteValue(@ForAll float t, @ForAll double any) {
    if (!Float.isFinite(t)) {
      return;
    }
    for (double v : near(t)) {
      assertXgboostRule(t, v);
    }
    if (Double.isFinite(any)) {
      assertXgboostRule(t, any);
    }
  }

  @Example
  void belowAsFloatHoldsAtTheEdgesOfTheFloats() {
    float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1f, -1f,
        Math.nextUp(1f), Math.nextDown(1f), 0.5f, 1e-30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE, 16_777_216f,
        16_777_217f, 0.1f, -0.1f, 3.4028233e38f};
    for (float t : edges) {
      for (double v : near(t)) {
        assertXgboostRule(t, v);
      }
      assertXgboostRule(t, Double.MAX_VALUE);
      assertXgboostRule(t, -Double.MAX_VALUE);
      assertXgboostRule(t, Double.MIN_VALUE);
    }
  }

  @Example
  void aThresholdThatIsNotFiniteIsRefused() {
    assertThatThrownBy(() -> FlatTrees.belowAsFloat(Float.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> FlatTrees.belowAsFloat(Float.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 3000)
  void atMostIsTribuosLessOrEqualForEveryFiniteValue(
      @ForAll @DoubleRange(min = -1e300, max = 1e300) double t, @ForAll double any) {
    for (double v : new double[] {t, Math.nextUp(t), Math.nextDown(t), -t, 0.0, any}) {
      if (Double.isFinite(v)) {
        assertThat(v < FlatTrees.atMost(t)).as("%s <= %s", v, t).isEqualTo(v <= t);
      }
    }
  }

  @Example
  void aRowWalksToTheLeafOfItsValuesAnAbsentColumnReadsAsZeroAndPayloadsGrowWithTheNodes() {
    FlatTrees.Builder b = new FlatTrees.Builder(1);
    b.startTree(); // tree 0: column 1 < 2.5 ? node 1 : node 2
    int root = b.addLeaves(3);
    b.split(root, 1, 2.5, root + 1, root + 2);
    b.startTree(); // tree 1: a column the rows never have (-1) reads 0: 0 < 1 goes left
    int other = b.addLeaves(3);
    b.split(other, -1, 1.0, other + 1, other + 2);
    b.payload(other + 2, 0, 0.25);
    FlatTrees trees = b.build();

    double[] rows = {9, 1, 9, 3}; // two rows of two columns
    assertThat(trees.trees()).isEqualTo(2);
    assertThat(trees.nodes()).isEqualTo(6);
    assertThat(trees.leaf(0, rows, 0)).isEqualTo(1);
    assertThat(trees.leaf(0, rows, 2)).isEqualTo(2);
    assertThat(trees.leaf(1, rows, 2)).isEqualTo(4);
    assertThat(trees.isLeaf(5)).isTrue();
    assertThat(trees.isLeaf(3)).isFalse();
    assertThat(b.payloads(0)).containsExactly(0, 0, 0, 0, 0, 0.25);
  }
}
