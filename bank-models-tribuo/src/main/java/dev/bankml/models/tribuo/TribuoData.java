package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
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
    TrainingData.checkLabelled(x, y, weights);
    return dataset(examples(x, i -> y[i] == 1 ? POSITIVE : NEGATIVE, i -> weights[i]), LABELS, "bankml-classification");
  }

  /** An unlabelled clustering dataset. */
  static MutableDataset<ClusterID> clustering(FeatureMatrix x) {
    TrainingData.checkNotEmpty(x, "clustering");
    return dataset(examples(x, i -> ClusteringFactory.UNASSIGNED_CLUSTER_ID, i -> 1.0), CLUSTERS, "bankml-clustering");
  }

  /** One presorted example per row of {@code x} (checked finite), with the output and weight given for its row. */
  private static <T extends Output<T>> List<Example<T>> examples(FeatureMatrix x, IntFunction<T> output,
      IntToDoubleFunction weight) {
    String[] names = featureNames(x.cols());
    List<Example<T>> examples = new ArrayList<>(x.rows());
    double[] v = x.rowMajorValues();
    int cols = x.cols();
    for (int i = 0; i < x.rows(); i++) {
      double[] row = new double[cols];
      System.arraycopy(v, i * cols, row, 0, cols);
      checkFinite(row, i, x);
      ArrayExample<T> e = new PresortedExample<>(output.apply(i), names, row);
      e.setWeight((float) weight.applyAsDouble(i));
      examples.add(e);
    }
    return examples;
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
