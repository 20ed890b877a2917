package dev.bankml.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.FeatureMatrix;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {
  private static final FeatureMatrix LINE = FeatureMatrix.of(new double[][] {{0}, {1}, {10}, {11}}, List.of("x"));
  private static final int[] TWO = {0, 0, 1, 1};

  @Test
  void silhouetteMatchesHandComputedValue() {
    double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
    assertThat(Silhouette.exact(LINE, TWO)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void sampledSilhouetteIsCloseToExact() {
    Random r = new Random(1);
    double[][] rows = new double[2000][2];
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = i % 3;
      rows[i][0] = labels[i] * 4 + r.nextGaussian();
      rows[i][1] = r.nextGaussian();
    }
    FeatureMatrix x = FeatureMatrix.of(rows, List.of("a", "b"));
    assertThat(Silhouette.sampled(x, labels, 600, 5)).isCloseTo(Silhouette.exact(x, labels), within(0.03));
  }

  @Test
  void noiseRowsAreLeftOutOfTheSilhouette() {
    FeatureMatrix x = FeatureMatrix.of(new double[][] {{0}, {1}, {10}, {11}, {100}}, List.of("x"));
    assertThat(Silhouette.exact(x, new int[] {0, 0, 1, 1, -1})).isCloseTo(Silhouette.exact(LINE, TWO), within(1e-12));
  }

  @Test
  void daviesBouldinCalinskiHarabaszAndInertiaMatchHandComputedValues() {
    assertThat(DaviesBouldin.of(LINE, TWO)).isCloseTo(0.1, within(1e-12));
    assertThat(CalinskiHarabasz.of(LINE, TWO)).isCloseTo(200, within(1e-9));
    assertThat(Inertia.of(LINE, TWO)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void adjustedRandIndexMatchesTextbookValues() {
    assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isCloseTo(1.0, within(1e-12));
    assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1})).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(AdjustedRandIndex.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void normalizedMutualInformationMatchesHandComputedValues() {
    assertThat(NormalizedMutualInformation.of(new int[] {0, 0, 1, 1}, new int[] {5, 5, 7, 7})).isCloseTo(1.0, within(1e-12));
    assertThat(NormalizedMutualInformation.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(0.0, within(1e-12));
    double ha = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
    double expected = Math.log(2) / ((ha + Math.log(2)) / 2);
    assertThat(NormalizedMutualInformation.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1})).isCloseTo(expected, within(1e-12));
  }
}
