package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Random forest of Tribuo CART trees on bootstrap samples of {@code sample_fraction} of the rows,
 * each split choosing among a random subset of features. Tribuo's CART re-partitions every
 * feature's sorted values at every split, so a tree costs about rows x features x depth: the
 * sample size is the main lever on training time. Trees are grown in fixed-size chunks, each chunk with its own seed, on a
 * thread pool of the thread budget; the chunks are merged into one Tribuo ensemble that averages
 * the trees' class distributions. The result depends on the seed, not on the thread count.
 *
 * @param trees number of trees
 * @param maxDepth deepest split level of a tree
 * @param minChildWeight least total row weight a split may leave in a child
 * @param featureFraction share of the features each split chooses among; 0 means sqrt(p) of p
 * @param sampleFraction bootstrap sample size of a tree, as a share of the rows
 * @param threads trees are grown on this many threads at most
 * @param seed seeds the bootstrap samples and the feature sampling
 */
record ForestTrainer(int trees, int maxDepth, double minChildWeight, double featureFraction, double sampleFraction,
    int threads, long seed) implements ClassifierTrainer {
  private static final int CHUNK = 10;

  /** The trainer {@code s} describes, each value checked against its range. */
  ForestTrainer(Settings s, long seed) {
    this(s.intAtLeast("trees", 1), s.intAtLeast("max_depth", 1), s.between("min_child_weight", 0, 1e9),
        s.between("feature_fraction", 0, 1), s.between("sample_fraction", 0.01, 1), s.threads(), seed);
  }

  @Override
  public Classifier fit(FeatureMatrix x, int[] y, double[] weights) {
    MutableDataset<Label> data = TribuoData.classification(x, y, weights);
    float fraction = (float) (featureFraction > 0 ? featureFraction
        : Math.min(1.0, Math.ceil(Math.sqrt(x.cols())) / x.cols()));
    int sampleSize = Math.max(1, (int) Math.round(sampleFraction * x.rows()));
    SplittableRandom seeds = new SplittableRandom(seed);
    List<long[]> chunks = new ArrayList<>();
    for (int done = 0; done < trees; done += CHUNK) {
      chunks.add(new long[] {Math.min(CHUNK, trees - done), seeds.nextLong(), seeds.nextLong()});
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks.size()));
    try {
      List<Future<List<Model<Label>>>> futures = new ArrayList<>();
      for (long[] c : chunks) {
        futures.add(pool.submit(() -> growChunk(data, (int) c[0], fraction, sampleSize, c[1], c[2])));
      }
      List<Model<Label>> members = new ArrayList<>(trees);
      for (Future<List<Model<Label>>> f : futures) {
        members.addAll(f.get());
      }
      WeightedEnsembleModel<Label> forest = WeightedEnsembleModel.createEnsembleFromExistingModels(
          "random-forest", members, new FullyWeightedVotingCombiner());
      return ForestClassifier.trained(forest, x, weights);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankmlException("random forest training was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new BankmlException("random forest training failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Grows {@code n} trees, each on its own bootstrap sample of {@code sampleSize} rows (drawn with
   * replacement over the whole data set, sharing its feature map), with one CART trainer whose
   * feature sampling is seeded once for the chunk.
   */
  private List<Model<Label>> growChunk(
      MutableDataset<Label> data, int n, float fraction, int sampleSize, long treeSeed, long bagSeed) {
    CARTClassificationTrainer cart = new CARTClassificationTrainer(
        maxDepth, (float) minChildWeight, 0.0f, fraction, false, new GiniIndex(), treeSeed);
    SplittableRandom bags = new SplittableRandom(bagSeed);
    List<Model<Label>> trees = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      DatasetView<Label> bag = DatasetView.createBootstrapView(
          data, sampleSize, bags.nextLong(), data.getFeatureIDMap(), data.getOutputIDInfo());
      trees.add(cart.train(bag));
    }
    return trees;
  }
}
