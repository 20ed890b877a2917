package dev.bankml.models.segment;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * A principal-component projection: {@code components} are unit vectors (one per row, by
 * decreasing variance) and {@code explainedVariance} the share of total variance each explains.
 * Immutable in use: the arrays are never modified after fitting.
 */
record Projection(double[] mean, double[][] components, double[] explainedVariance) {

  /** The first {@code count} principal components of {@code x} (count ≤ x.cols()). */
  static Projection fit(FeatureMatrix x, int count) {
    int d = x.cols();
    int n = x.rows();
    double[] mean = new double[d];
    double[] values = x.rowMajorValues();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += values[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, n);
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = values[i * d + j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = centred[a];
        for (int b = a; b < d; b++) {
          cov[a][b] += ca * centred[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= Math.max(1, n - 1);
        cov[b][a] = cov[a][b];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
    double[] eigenvalues = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int j = 0; j < d; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -eigenvalues[j]));
    double total = 0;
    for (double e : eigenvalues) {
      total += Math.max(0, e);
    }
    int m = Math.min(count, d);
    double[][] comps = new double[m][];
    double[] explained = new double[m];
    for (int c = 0; c < m; c++) {
      RealVector v = eig.getEigenvector(order[c]);
      double[] u = v.toArray();
      orient(u);
      comps[c] = u;
      explained[c] = total > 0 ? Math.max(0, eigenvalues[order[c]]) / total : 0;
    }
    return new Projection(mean, comps, explained);
  }

  /** Number of components kept until their cumulative explained variance reaches {@code share}. */
  static int componentsFor(FeatureMatrix x, double share) {
    Projection all = fit(x, x.cols());
    double cumulative = 0;
    for (int c = 0; c < all.explainedVariance.length; c++) {
      cumulative += all.explainedVariance[c];
      if (cumulative >= share - 1e-12) {
        return c + 1;
      }
    }
    return x.cols();
  }

  /** Number of output dimensions. */
  int dimensions() {
    return components.length;
  }

  /** The projection of every row of {@code x}, named {@code pc1}, {@code pc2}, … */
  FeatureMatrix apply(FeatureMatrix x) {
    int n = x.rows();
    int d = x.cols();
    int m = components.length;
    double[] in = x.rowMajorValues();
    double[] out = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < m; c++) {
        double[] u = components[c];
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (in[i * d + j] - mean[j]) * u[j];
        }
        out[i * m + c] = s;
      }
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      names.add("pc" + (c + 1));
    }
    return FeatureMatrix.wrap(out, n, names, names);
  }

  /** The projection of one standardised row. */
  double[] applyRow(double[] row) {
    double[] out = new double[components.length];
    for (int c = 0; c < components.length; c++) {
      double s = 0;
      for (int j = 0; j < row.length; j++) {
        s += (row[j] - mean[j]) * components[c][j];
      }
      out[c] = s;
    }
    return out;
  }

  /** Flips a component so its largest loading is positive: the same data give the same signs. */
  private static void orient(double[] u) {
    int big = 0;
    for (int j = 1; j < u.length; j++) {
      if (Math.abs(u[j]) > Math.abs(u[big])) {
        big = j;
      }
    }
    if (u[big] < 0) {
      for (int j = 0; j < u.length; j++) {
        u[j] = -u[j];
      }
    }
  }
}
