package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;

class ClusteringTest {
  static final TribuoBackend BACKEND = new TribuoBackend();

  private static KMeansClustering kmeans(FeatureMatrix x, int k, int restarts, long seed) {
    Hyperparameters h = Hyperparameters.DEFAULTS.with("k", k).with("restarts", restarts).with("threads", 1);
    return (KMeansClustering) BACKEND.clusteringTrainer("kmeans", h, seed).fit(x);
  }

  @Test
  void restartsKeepTheRunWithTheLowestInertia() {
    // Many overlapping blobs: single k-means++ runs land in different local optima.
    Synthetic s = Synthetic.blobs(1200, 12, 2, 1.5, 8);
    KMeansClustering best = kmeans(s.x, 8, 6, 99);
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(99);
    double[] single = new double[6];
    for (int r = 0; r < 6; r++) {
      long seed = seeds.nextLong();
      org.tribuo.clustering.kmeans.KMeansModel m = new org.tribuo.clustering.kmeans.KMeansTrainer(8, 100,
          org.tribuo.math.distance.DistanceType.L2.getDistance(),
          org.tribuo.clustering.kmeans.KMeansTrainer.Initialisation.PLUSPLUS, 1, seed)
          .train(TribuoData.clustering(s.x));
      single[r] = KMeansClusterer.evaluate(m, s.x).inertia();
    }
    assertThat(best.inertia()).isEqualTo(Arrays.stream(single).min().orElseThrow());
  }

  @Test
  void kmeansRecoversSeparatedBlobsAndAssignsLikeTribuo() {
    Synthetic s = Synthetic.blobs(600, 4, 3, 0.5, 5);
    KMeansClustering c = kmeans(s.x, 4, 3, 1);
    int[] labels = c.trainingLabels();
    // Each true blob maps to exactly one cluster.
    for (int blob = 0; blob < 4; blob++) {
      int first = -1;
      for (int i = blob; i < labels.length; i += 4) {
        if (first < 0) {
          first = labels[i];
        }
        assertThat(labels[i]).isEqualTo(first);
      }
    }
    assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(4);
    String[] names = TribuoData.featureNames(3);
    for (int i = 0; i < 50; i++) {
      int tribuo = c.model().predict(
          new ArrayExample<ClusterID>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, s.x.row(i)))
          .getOutput().getID();
      assertThat(c.assign(s.x.row(i))).isEqualTo(tribuo);
    }
    assertThat(c.centroids().orElseThrow()).hasNumberOfRows(4);
  }

  @Test
  void kmeansWithTheSameSeedGivesTheSameClusters() {
    Synthetic s = Synthetic.blobs(500, 5, 3, 2.0, 6);
    Hyperparameters h = Hyperparameters.DEFAULTS.with("k", 5);
    Clustering a = BACKEND.clusteringTrainer("kmeans", h.with("threads", 2), 3).fit(s.x);
    Clustering b = BACKEND.clusteringTrainer("kmeans", h.with("threads", 2), 3).fit(s.x);
    Clustering one = BACKEND.clusteringTrainer("kmeans", h.with("threads", 1), 3).fit(s.x);
    assertThat(b.trainingLabels()).containsExactly(a.trainingLabels());
    assertThat(one.trainingLabels()).containsExactly(a.trainingLabels());
    double[][] ca = a.centroids().orElseThrow();
    double[][] cb = b.centroids().orElseThrow();
    double[][] c1 = one.centroids().orElseThrow();
    for (int c = 0; c < ca.length; c++) {
      for (int j = 0; j < ca[c].length; j++) {
        assertThat(cb[c][j]).isCloseTo(ca[c][j], org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c1[c][j]).isCloseTo(ca[c][j], org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }

  @Test
  void hdbscanLabelsFarOutliersAsNoise() {
    Synthetic s = Synthetic.blobs(300, 3, 2, 0.3, 4);
    double[] v = Arrays.copyOf(s.x.rowMajorValues(), s.x.rowMajorValues().length + 4);
    v[v.length - 4] = 100;
    v[v.length - 3] = 100;
    v[v.length - 2] = -100;
    v[v.length - 1] = 100;
    FeatureMatrix x = FeatureMatrix.wrap(v, 302, List.of("x0", "x1"), List.of("x0", "x1"));
    Clustering c = BACKEND.clusteringTrainer("hdbscan",
        Hyperparameters.DEFAULTS.with("min_cluster_size", 10), 1).fit(x);
    int[] labels = c.trainingLabels();
    assertThat(c.k()).isEqualTo(3);
    assertThat(labels[300]).isEqualTo(Clustering.NOISE);
    assertThat(labels[301]).isEqualTo(Clustering.NOISE);
    assertThat(Arrays.stream(labels).max().orElseThrow()).isEqualTo(2);
    assertThat(c.assign(new double[] {500, -500})).isEqualTo(Clustering.NOISE);
    Clustering back = BACKEND.loadClustering(BACKEND.saveClustering(c));
    assertThat(back.trainingLabels()).containsExactly(labels);
    assertThat(back.assign(s.x)).containsExactly(c.assign(s.x));
  }

  @Test
  void nonFiniteValuesAreRefusedWithRowAndFeature() {
    double[][] rows = new double[10][2];
    rows[7][1] = Double.NaN;
    FeatureMatrix x = FeatureMatrix.of(rows, List.of("income", "age"));
    assertThatThrownBy(() -> BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 2), 1).fit(x))
        .isInstanceOf(BankmlException.class).hasMessageContaining("row 7").hasMessageContaining("age");
  }

  @Test
  void tooFewRowsForKIsRefused() {
    FeatureMatrix x = FeatureMatrix.of(new double[3][2], List.of("a", "b"));
    assertThatThrownBy(() -> BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 5), 1).fit(x))
        .isInstanceOf(BankmlException.class).hasMessageContaining("k=5");
  }
}
