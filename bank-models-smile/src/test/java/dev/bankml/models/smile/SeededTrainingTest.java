package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.spi.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SeededTrainingTest {
  private final SmileBackend backend = new SmileBackend();
  private final Synthetic.Labelled data = Synthetic.credit(600, 5, 11);
  private final Hyperparameters smallForest = Hyperparameters.DEFAULTS.with("trees", 40);
  private final Hyperparameters smallBoost = Hyperparameters.DEFAULTS.with("trees", 60);

  private double[] train(String algorithm, Hyperparameters hp, long seed) {
    return backend.classifierTrainer(algorithm, hp, seed).fit(data.x(), data.y()).probabilities(data.x());
  }

  @Test
  void parallelTrainingsWithTheSameSeedGiveTheSequentialModel() throws Exception {
    double[] forest = train("random-forest", smallForest, 5);
    double[] boost = train("gradient-boosting", smallBoost, 5);
    int[] kmeans = backend.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 4), 5)
        .fit(data.x()).trainingLabels();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        futures.add(pool.submit(() -> train("random-forest", smallForest, 5)));
        futures.add(pool.submit(() -> train("gradient-boosting", smallBoost, 5)));
        futures.add(pool.submit(() -> backend.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 4), 5)
            .fit(data.x()).trainingLabels()));
      }
      for (int i = 0; i < futures.size(); i++) {
        Object got = futures.get(i).get();
        switch (i % 3) {
          case 0 -> assertThat((double[]) got).as("forest").containsExactly(forest);
          case 1 -> assertThat((double[]) got).as("boosting").containsExactly(boost);
          default -> assertThat((int[]) got).as("kmeans").containsExactly(kmeans);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void trainingsInsideForkJoinTasksStayReproducible() throws Exception {
    double[] boost = train("gradient-boosting", smallBoost, 9);
    List<double[]> results = ForkJoinPool.commonPool().submit(() ->
        java.util.stream.IntStream.range(0, 4).parallel()
            .mapToObj(i -> train("gradient-boosting", smallBoost, 9)).toList()).get();
    for (double[] r : results) {
      assertThat(r).containsExactly(boost);
    }
  }

  @Test
  void differentSeedsGiveDifferentForests() {
    assertThat(train("random-forest", smallForest, 1)).isNotEqualTo(train("random-forest", smallForest, 2));
  }
}
