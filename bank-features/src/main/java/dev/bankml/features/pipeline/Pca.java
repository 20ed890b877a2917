package dev.bankml.features.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Principal component analysis of numeric columns: replaces them with their projections
 * {@code pc1}, {@code pc2}, … on the leading eigenvectors of their covariance (computed after
 * centring, divided by n − 1). Keeps a fixed number of components, or as many as it takes for their
 * cumulative share of the total variance to reach a share. Put it after imputation and scaling:
 * the columns must have no missing values.
 *
 * @param columns the columns projected
 * @param components how many components to keep; 0 when {@code varianceShare} decides
 * @param varianceShare the cumulative explained-variance share to reach, in (0, 1]; ignored when
 *     {@code components} is positive
 */
public record Pca(Columns columns, int components, double varianceShare) implements Step {
  /** Checks the settings. */
  public Pca {
    Objects.requireNonNull(columns, "columns");
    if (components < 0 || (components == 0 && !(varianceShare > 0 && varianceShare <= 1))) {
      throw new IllegalArgumentException("PCA keeps a positive number of components or a variance share in (0, 1], got "
          + components + " components and share " + varianceShare);
    }
  }

  /** The first {@code count} principal components of {@code columns} (fewer when there are fewer columns). */
  public static Pca components(Columns columns, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("PCA keeps at least 1 component, got " + count);
    }
    return new Pca(columns, count, Double.NaN);
  }

  /** The principal components of {@code columns} that together explain {@code share} of their variance. */
  public static Pca variance(Columns columns, double share) {
    return new Pca(columns, 0, share);
  }

  @Override
  public PcaFit fit(FitContext ctx) {
    List<String> names = ctx.resolve(columns);
    int d = names.size();
    double[][] cols = new double[d][];
    for (int j = 0; j < d; j++) {
      cols[j] = Work.numbers(ctx.table(), names.get(j));
      for (double v : cols[j]) {
        if (Double.isNaN(v)) {
          throw new dev.bankml.data.BankmlException("PCA: column '" + names.get(j)
              + "' has missing values; impute it before the PCA step");
        }
      }
    }
    int n = ctx.table().rows();
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        mean[j] += cols[j][i];
      }
      mean[j] /= Math.max(1, n);
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = cols[j][i] - mean[j];
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
    return project(names, mean, cov);
  }

  /** The components of covariance {@code cov}, by decreasing eigenvalue, each oriented so its largest loading is positive. */
  private PcaFit project(List<String> names, double[] mean, double[][] cov) {
    int d = names.size();
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
    double[] share = new double[d];
    for (int c = 0; c < d; c++) {
      share[c] = total > 0 ? Math.max(0, eigenvalues[order[c]]) / total : 0;
    }
    int m = Math.min(components > 0 ? components : componentsFor(share), d);
    double[][] comps = new double[m][];
    double[] explained = Arrays.copyOf(share, m);
    List<String> outputs = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      double[] u = eig.getEigenvector(order[c]).toArray();
      orient(u);
      comps[c] = u;
      outputs.add("pc" + (c + 1));
    }
    return new PcaFit(names, mean, comps, explained, outputs);
  }

  /** Components kept until their cumulative share reaches {@link #varianceShare}. */
  private int componentsFor(double[] share) {
    double cumulative = 0;
    for (int c = 0; c < share.length; c++) {
      cumulative += share[c];
      if (cumulative >= varianceShare - 1e-12) {
        return c + 1;
      }
    }
    return share.length;
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
