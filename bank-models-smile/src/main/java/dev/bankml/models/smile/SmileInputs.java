package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import java.util.Arrays;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/** Converts bankml's feature matrices into the shapes Smile's trainers take, copying once. */
final class SmileInputs {
  /** Column name of the label in data frames built for Smile (never a feature name we generate). */
  static final String LABEL = "__bankml_label__";

  private SmileInputs() {}

  /** One array per row (Smile's {@code double[][]} input); one copy of the values. */
  static double[][] rows(FeatureMatrix x) {
    return x.toRowArrays();
  }

  /** The formula "label ~ every feature". */
  static Formula formula() {
    return Formula.lhs(LABEL);
  }

  /**
   * A data frame with one double column per feature (named {@code f0, f1, …} so that user-supplied
   * names can never clash with Smile's formula syntax) and the label last; one copy of the values.
   */
  static DataFrame frame(FeatureMatrix x, int[] y) {
    int n = x.rows();
    int p = x.cols();
    double[] v = x.rowMajorValues();
    BaseVector<?, ?, ?>[] columns = new BaseVector<?, ?, ?>[p + 1];
    for (int j = 0; j < p; j++) {
      double[] col = new double[n];
      for (int i = 0, k = j; i < n; i++, k += p) {
        col[i] = v[k];
      }
      columns[j] = DoubleVector.of(columnName(j), col);
    }
    columns[p] = IntVector.of(LABEL, y);
    return DataFrame.of(columns);
  }

  /** The schema of the feature columns of {@link #frame}, for building tuples over one row. */
  static StructType featureSchema(int p) {
    StructField[] fields = new StructField[p];
    for (int j = 0; j < p; j++) {
      fields[j] = new StructField(columnName(j), DataTypes.DoubleType);
    }
    return new StructType(fields);
  }

  static String columnName(int j) {
    return "f" + j;
  }

  /** True when every weight is the same positive number, so Smile can train unweighted. */
  static boolean uniform(double[] weights) {
    double w0 = weights.length == 0 ? 1 : weights[0];
    return w0 > 0 && Arrays.stream(weights).allMatch(w -> w == w0);
  }

  /**
   * Row repetition counts that emulate {@code weights} for Smile trainers without weights: each row
   * is repeated about {@code w / min(w > 0)} times, scaled down so the expanded data is at most
   * {@code maxFactor} times the original; rows of weight 0 are dropped.
   */
  static int[] repetitions(double[] weights, double maxFactor) {
    double min = Double.POSITIVE_INFINITY;
    double sum = 0;
    for (double w : weights) {
      if (w > 0) {
        min = Math.min(min, w);
        sum += w;
      }
    }
    if (sum == 0) {
      throw new BankmlException("every training weight is 0; at least one row needs a positive weight");
    }
    double scale = 1 / min;
    double cap = maxFactor * weights.length;
    if (sum * scale > cap) {
      scale = cap / sum;
    }
    int[] reps = new int[weights.length];
    for (int i = 0; i < weights.length; i++) {
      reps[i] = weights[i] > 0 ? (int) Math.max(1, Math.round(weights[i] * scale)) : 0;
    }
    return reps;
  }

  /** The rows of {@code x} repeated {@code reps[i]} times each, in order. */
  static int[] expandIndex(int[] reps) {
    int total = 0;
    for (int r : reps) {
      total += r;
    }
    int[] idx = new int[total];
    int k = 0;
    for (int i = 0; i < reps.length; i++) {
      for (int r = 0; r < reps[i]; r++) {
        idx[k++] = i;
      }
    }
    return idx;
  }

  /** {@code y} at {@code idx}. */
  static int[] select(int[] y, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = y[idx[i]];
    }
    return out;
  }

  /** {@code values} at {@code idx}. */
  static double[] select(double[] values, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = values[idx[i]];
    }
    return out;
  }
}
