package dev.bankml.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Model-ready numbers: a dense, row-major matrix of doubles with a name for every feature and, for
 * every feature, the source column it was computed from (so explanations can be folded back to the
 * columns a person knows). Immutable.
 */
public final class FeatureMatrix {
  private final double[] values;
  private final int rows;
  private final int cols;
  private final List<String> names;
  private final List<String> sources;

  private FeatureMatrix(double[] values, int rows, int cols, List<String> names, List<String> sources) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.names = names;
    this.sources = sources;
  }

  /**
   * A matrix over {@code values} (row-major, {@code rows * names.size()} long, not copied: the
   * caller must not modify it afterwards). {@code sources.get(j)} names the input column feature
   * {@code j} came from.
   */
  public static FeatureMatrix wrap(double[] values, int rows, List<String> names, List<String> sources) {
    Objects.requireNonNull(values, "values");
    int cols = names.size();
    if (sources.size() != cols) {
      throw new IllegalArgumentException(
          "sources has " + sources.size() + " entries but there are " + cols + " feature names");
    }
    if (rows < 0 || (long) rows * cols != values.length) {
      throw new IllegalArgumentException(
          "values has " + values.length + " entries, expected rows*cols = " + rows + "*" + cols);
    }
    return new FeatureMatrix(values, rows, cols, List.copyOf(names), List.copyOf(sources));
  }

  /** A matrix copied from {@code data} (one array per row); each feature is its own source. */
  public static FeatureMatrix of(double[][] data, List<String> names) {
    int cols = names.size();
    double[] v = new double[data.length * cols];
    for (int i = 0; i < data.length; i++) {
      if (data[i].length != cols) {
        throw new IllegalArgumentException(
            "row " + i + " has " + data[i].length + " values, expected " + cols);
      }
      System.arraycopy(data[i], 0, v, i * cols, cols);
    }
    return wrap(v, data.length, names, names);
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of features (columns). */
  public int cols() {
    return cols;
  }

  /** Feature names, in column order. */
  public List<String> names() {
    return names;
  }

  /** For each feature, the source column it came from. */
  public List<String> sources() {
    return sources;
  }

  /** The value at row {@code r}, feature {@code c}. */
  public double get(int r, int c) {
    return values[r * cols + c];
  }

  /** A copy of row {@code r}. */
  public double[] row(int r) {
    return Arrays.copyOfRange(values, r * cols, (r + 1) * cols);
  }

  /** Copies row {@code r} into {@code into} (length at least {@link #cols()}) and returns it. */
  public double[] copyRow(int r, double[] into) {
    System.arraycopy(values, r * cols, into, 0, cols);
    return into;
  }

  /**
   * The backing row-major array, for backends that convert the matrix without a copy. Read only:
   * writing to it breaks the matrix's immutability.
   */
  public double[] rowMajorValues() {
    return values;
  }

  /** The rows at {@code indices}, in that order. */
  public FeatureMatrix selectRows(int[] indices) {
    double[] v = new double[indices.length * cols];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * cols, v, i * cols, cols);
    }
    return new FeatureMatrix(v, indices.length, cols, names, sources);
  }

  /** The same matrix as one array per row. */
  public double[][] toRowArrays() {
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = row(r);
    }
    return out;
  }
}
