package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;

/**
 * HDBSCAN* clusters found by Tribuo's {@link HdbscanModel}. Tribuo labels noise 0 and clusters
 * with arbitrary positive ids; here noise is {@link #NOISE} and clusters are renumbered 0 … k-1 in
 * increasing order of Tribuo's id. New rows are assigned by Tribuo's model (nearest cluster
 * exemplar, or noise when farther than that cluster's reach).
 */
final class HdbscanClustering extends TribuoClustering<HdbscanModel> {
  private static final int TRIBUO_NOISE = 0;
  private final String[] names;
  /** Tribuo cluster ids in increasing order; the position is bankml's label. */
  private final int[] tribuoIds;
  private final int[] trainingLabels;

  HdbscanClustering(HdbscanModel model, int cols) {
    super(model, "hdbscan", cols);
    this.names = TribuoData.featureNames(cols);
    List<Integer> raw = model.getClusterLabels();
    TreeSet<Integer> ids = new TreeSet<>();
    for (int id : raw) {
      if (id != TRIBUO_NOISE) {
        ids.add(id);
      }
    }
    tribuoIds = ids.stream().mapToInt(Integer::intValue).toArray();
    trainingLabels = new int[raw.size()];
    for (int i = 0; i < trainingLabels.length; i++) {
      trainingLabels[i] = toLabel(raw.get(i));
    }
  }

  private int toLabel(int tribuoId) {
    if (tribuoId == TRIBUO_NOISE) {
      return NOISE;
    }
    int pos = java.util.Arrays.binarySearch(tribuoIds, tribuoId);
    return pos >= 0 ? pos : NOISE;
  }

  @Override
  public int k() {
    return tribuoIds.length;
  }

  @Override
  public int[] trainingLabels() {
    return trainingLabels.clone();
  }

  @Override
  int label(double[] row) {
    return toLabel(model().predict(example(row)).getOutput().getID());
  }

  @Override
  int[] labels(FeatureMatrix x) {
    List<Example<ClusterID>> examples = new ArrayList<>(x.rows());
    for (int i = 0; i < x.rows(); i++) {
      examples.add(example(x.row(i)));
    }
    List<Prediction<ClusterID>> predictions = model().predict(examples);
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toLabel(predictions.get(i).getOutput().getID());
    }
    return out;
  }

  private Example<ClusterID> example(double[] row) {
    return new PresortedExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row.clone());
  }
}
