package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Converts {@link FeatureMatrix} rows to Tribuo examples. Feature {@code j} is named {@code f}
 * followed by {@code j} zero-padded to a fixed width, so Tribuo's name-sorted feature ids equal the
 * column order and every example is already sorted (no per-example sort work). All names are held
 * in one shared array.
 */
final class TribuoData {
  static final Label NEGATIVE = new Label("0");
  static final Label POSITIVE = new Label("1");
  static final LabelFactory LABELS = new LabelFactory();
  static final ClusteringFactory CLUSTERS = new ClusteringFactory();

  private TribuoData() {}

  /** The Tribuo feature names for {@code cols} columns, in column (and sorted) order. */
  static String[] featureNames(int cols) {
    int width = Math.max(5, Integer.toString(Math.max(cols - 1, 0)).length());
    String[] names = new String[cols];
    for (int j = 0; j < cols; j++) {
      String digits = Integer.toString(j);
      names[j] = "f" + "0".repeat(width - digits.length()) + digits;
    }
    return names;
  }

  /** A labelled, weighted classification dataset. */
  static MutableDataset<Label> classification(FeatureMatrix x, int[] y, double[] weights) {
    if (y.length != x.rows() || weights.length != x.rows()) {
      throw new BankmlException("training data has " + x.rows() + " rows but " + y.length
          + " labels and " + weights.length + " weights; all three must match");
    }
    if (x.rows() == 0 || x.cols() == 0) {
      throw new BankmlException("training data is empty (" + x.rows() + " rows, " + x.cols()
          + " features); need at least one row and one feature");
    }
    int positives = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new BankmlException("label at row " + i + " is " + y[i] + "; labels must be 0 or 1");
      }
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new BankmlException("weight at row " + i + " is " + w + "; weights must be finite and >= 0");
      }
      positives += y[i];
    }
    if (positives == 0 || positives == y.length) {
      throw new BankmlException("training labels contain only class " + (positives == 0 ? 0 : 1)
          + " (" + y.length + " rows); a classifier needs both 0 and 1");
    }
    String[] names = featureNames(x.cols());
    List<Example<Label>> examples = new ArrayList<>(x.rows());
    double[] v = x.rowMajorValues();
    int cols = x.cols();
    for (int i = 0; i < x.rows(); i++) {
      double[] row = new double[cols];
      System.arraycopy(v, i * cols, row, 0, cols);
      checkFinite(row, i, x);
      ArrayExample<Label> e = new PresortedExample<>(y[i] == 1 ? POSITIVE : NEGATIVE, names, row);
      e.setWeight((float) weights[i]);
      examples.add(e);
    }
    return dataset(examples, LABELS, "bankml-classification");
  }

  /** An unlabelled clustering dataset. */
  static MutableDataset<ClusterID> clustering(FeatureMatrix x) {
    if (x.rows() == 0 || x.cols() == 0) {
      throw new BankmlException("clustering data is empty (" + x.rows() + " rows, " + x.cols()
          + " features); need at least one row and one feature");
    }
    String[] names = featureNames(x.cols());
    List<Example<ClusterID>> examples = new ArrayList<>(x.rows());
    double[] v = x.rowMajorValues();
    int cols = x.cols();
    for (int i = 0; i < x.rows(); i++) {
      double[] row = new double[cols];
      System.arraycopy(v, i * cols, row, 0, cols);
      checkFinite(row, i, x);
      examples.add(new PresortedExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    return dataset(examples, CLUSTERS, "bankml-clustering");
  }

  /** For each column of the model's input, its Tribuo feature id, or -1 if Tribuo never saw it. */
  static int[] columnIds(ImmutableFeatureMap map, int cols) {
    String[] names = featureNames(cols);
    int[] ids = new int[cols];
    for (int j = 0; j < cols; j++) {
      ids[j] = map.getID(names[j]);
    }
    return ids;
  }

  /** Inverse of {@link #columnIds}: for each Tribuo feature id, its column. */
  static int[] idColumns(ImmutableFeatureMap map, int cols) {
    int[] ids = columnIds(map, cols);
    int[] out = new int[map.size()];
    java.util.Arrays.fill(out, -1);
    for (int j = 0; j < cols; j++) {
      if (ids[j] >= 0) {
        out[ids[j]] = j;
      }
    }
    return out;
  }

  /** Checks {@code row} has {@code expected} finite values. */
  static void checkRow(double[] row, int expected) {
    if (row.length != expected) {
      throw new BankmlException("row has " + row.length + " values; the model expects " + expected);
    }
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new BankmlException("feature " + j + " of the row is " + row[j]
            + "; the model needs finite numbers (impute missing values first)");
      }
    }
  }

  /** Checks {@code x} has {@code expected} columns and finite values. */
  static void checkMatrix(FeatureMatrix x, int expected) {
    if (x.cols() != expected) {
      throw new BankmlException("matrix has " + x.cols() + " features; the model expects " + expected);
    }
    double[] v = x.rowMajorValues();
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        int r = i / expected;
        int c = i % expected;
        throw new BankmlException("row " + r + ", feature '" + x.names().get(c) + "' is " + v[i]
            + "; the model needs finite numbers (impute missing values first)");
      }
    }
  }

  private static void checkFinite(double[] row, int i, FeatureMatrix x) {
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new BankmlException("row " + i + ", feature '" + x.names().get(j) + "' is " + row[j]
            + "; Tribuo needs finite numbers (impute missing values first)");
      }
    }
  }

  private static <T extends Output<T>> MutableDataset<T> dataset(
      List<Example<T>> examples, OutputFactory<T> factory, String name) {
    return new MutableDataset<>(examples, new SimpleDataSourceProvenance(name, factory), factory);
  }
}
