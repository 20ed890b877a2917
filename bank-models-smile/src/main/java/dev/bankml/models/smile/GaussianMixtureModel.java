package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;

/**
 * Gaussian mixture fitted by EM (Smile's {@code MultivariateGaussianMixture}); a row belongs to
 * the component with the highest posterior. Reports the conventional BIC
 * {@code -2 log L + params * ln n} (lower is better); Smile's own {@code bic} field is
 * {@code log L - params/2 * ln n} (higher is better), so ours is {@code -2} times Smile's.
 *
 * <p>The model is plain numbers (priors, means, covariances, training labels, BIC), which the
 * payload holds; Smile's mixture is rebuilt from them with its public constructors to assign rows,
 * so a loaded model assigns exactly as the trained one.
 */
final class GaussianMixtureModel implements Clustering, StoredModel {
  private final int p;
  private final boolean diagonal;
  private final double[] priori;
  /** Component means, {@code p} values per component. */
  private final double[] means;
  /** Per component its {@code p} variances (diagonal) or its {@code p x p} covariance row by row. */
  private final double[] covariances;
  private final int[] labels;
  private final double bic;
  /** Smile's mixture rebuilt from the numbers above (Smile's public constructors); it assigns rows. */
  private final MultivariateGaussianMixture smile;

  private GaussianMixtureModel(int p, boolean diagonal, double[] priori, double[] means, double[] covariances,
      int[] labels, double bic, MultivariateGaussianMixture smile) {
    this.p = p;
    this.diagonal = diagonal;
    this.priori = priori;
    this.means = means;
    this.covariances = covariances;
    this.labels = labels;
    this.bic = bic;
    this.smile = smile;
  }

  /** The mixture Smile fitted, as plain parameters, with its training labels and conventional BIC. */
  static GaussianMixtureModel of(MultivariateGaussianMixture smile, int[] labels, double bic,
      Function<String, ? extends RuntimeException> refuse) {
    MultivariateMixture.Component[] cs = smile.components;
    if (cs == null || cs.length == 0) {
      throw refuse.apply("it has no components");
    }
    int k = cs.length;
    int p = -1;
    boolean diagonal = false;
    double[] priori = new double[k];
    double[] means = null;
    double[] covariances = null;
    for (int c = 0; c < k; c++) {
      if (cs[c] == null || !(cs[c].distribution instanceof MultivariateGaussianDistribution g)) {
        throw refuse.apply("component " + c + " is not a Gaussian distribution");
      }
      double[] mu = g.mean();
      Matrix sigma = g.cov();
      if (c == 0) {
        p = mu.length;
        diagonal = g.diagonal;
        checkShape(k, p, refuse);
        means = new double[k * p];
        covariances = new double[k * (diagonal ? p : p * p)];
      }
      if (mu.length != p || g.diagonal != diagonal || sigma.nrow() != p || sigma.ncol() != p) {
        throw refuse.apply("component " + c + " does not have the dimension or covariance type of component 0");
      }
      priori[c] = cs[c].priori;
      System.arraycopy(mu, 0, means, c * p, p);
      for (int i = 0; i < p; i++) {
        if (diagonal) {
          covariances[c * p + i] = sigma.get(i, i);
        } else {
          for (int j = 0; j < p; j++) {
            covariances[(c * p + i) * p + j] = sigma.get(i, j);
          }
        }
      }
    }
    return of(p, diagonal, priori, means, covariances, labels, bic, refuse);
  }

  private static void checkShape(int k, int p, Function<String, ? extends RuntimeException> refuse) {
    if (k < 1 || k > PayloadFormat.MAX_CLUSTERS || p < 1 || p > PayloadFormat.MAX_MIXTURE_DIMENSION) {
      throw refuse.apply("it has " + k + " components of dimension " + p + "; valid are 1 to "
          + PayloadFormat.MAX_CLUSTERS + " components of dimension 1 to " + PayloadFormat.MAX_MIXTURE_DIMENSION);
    }
  }

  /** Checks the parameters and rebuilds Smile's mixture from them. */
  private static GaussianMixtureModel of(int p, boolean diagonal, double[] priori, double[] means,
      double[] covariances, int[] labels, double bic, Function<String, ? extends RuntimeException> refuse) {
    int k = priori.length;
    checkShape(k, p, refuse);
    MultivariateMixture.Component[] components = new MultivariateMixture.Component[k];
    for (int c = 0; c < k; c++) {
      if (!(priori[c] >= 0 && priori[c] <= 1)) {
        throw refuse.apply("component " + c + " has the prior " + priori[c] + "; valid values are 0 to 1");
      }
      double[] mu = Arrays.copyOfRange(means, c * p, (c + 1) * p);
      MultivariateGaussianDistribution g;
      try {
        if (diagonal) {
          g = new MultivariateGaussianDistribution(mu, Arrays.copyOfRange(covariances, c * p, (c + 1) * p));
        } else {
          Matrix sigma = new Matrix(p, p);
          for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
              sigma.set(i, j, covariances[(c * p + i) * p + j]);
            }
          }
          g = new MultivariateGaussianDistribution(mu, sigma);
        }
      } catch (RuntimeException e) {
        throw refuse.apply("component " + c + "'s covariance is not a valid (positive definite) covariance: "
            + e.getMessage());
      }
      components[c] = new MultivariateMixture.Component(priori[c], g);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw refuse.apply("training row " + i + " has the component " + labels[i] + "; valid components are 0 to "
            + (k - 1));
      }
    }
    if (Double.isNaN(bic)) {
      throw refuse.apply("the BIC is NaN");
    }
    return new GaussianMixtureModel(p, diagonal, priori.clone(), means.clone(), covariances.clone(), labels.clone(),
        bic, new MultivariateGaussianMixture(components));
  }

  static GaussianMixtureModel read(PayloadReader in) {
    int k = in.count("number of components", 1, PayloadFormat.MAX_CLUSTERS);
    int p = in.count("dimension", 1, PayloadFormat.MAX_MIXTURE_DIMENSION);
    boolean diagonal = in.flag("diagonal covariance flag");
    double[] priori = in.finiteReals("component priors", k);
    double[] means = in.finiteReals("component means", (long) k * p);
    double[] covariances = in.finiteReals("component covariances", (long) k * p * (diagonal ? 1 : p));
    double bic = in.finite("BIC");
    int n = in.count("number of training rows", 0, Integer.MAX_VALUE - 8);
    int[] labels = in.ints("training labels", n);
    return of(p, diagonal, priori, means, covariances, labels, bic, in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(priori.length).integer(p).flag(diagonal).reals(priori).reals(means).reals(covariances).real(bic)
        .integer(labels.length).ints(labels);
  }

  /** Trains on the calling thread, whose Smile generator the caller has seeded. */
  static GaussianMixtureModel train(FeatureMatrix x, Hyperparameters hp) {
    int k = hp.getInt("k", 6);
    String covariance = hp.getString("covariance", "full");
    SmileAlgorithms.requireRange("k", k, 2, Math.max(2, x.rows() / 2));
    if (!covariance.equals("full") && !covariance.equals("diagonal")) {
      throw new BankmlException(
          "hyperparameter 'covariance' is '" + covariance + "'; valid values are full, diagonal");
    }
    SmileAlgorithms.checkClusterable(x, k);
    double[][] data = SmileInputs.rows(x);
    MultivariateGaussianMixture gmm;
    try {
      gmm = MultivariateGaussianMixture.fit(k, data, covariance.equals("diagonal"));
    } catch (RuntimeException e) {
      throw new BankmlException(
          "Smile's Gaussian mixture (k=" + k + ", " + covariance + " covariance) failed: " + e.getMessage()
              + (covariance.equals("full") ? "; a singular covariance is common with one-hot or constant"
                  + " features: try covariance=diagonal or fewer features" : ""),
          e);
    }
    int[] labels = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      labels[i] = gmm.map(data[i]);
    }
    return of(gmm, labels, -2 * gmm.bic, BankmlException::new);
  }

  @Override
  public String algorithm() {
    return "gmm";
  }

  @Override
  public int k() {
    return priori.length;
  }

  @Override
  public int[] trainingLabels() {
    return labels.clone();
  }

  @Override
  public int assign(double[] row) {
    SmileAlgorithms.checkRow(row, dimension());
    return smile.map(row);
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, dimension());
    double[] buffer = new double[x.cols()];
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = smile.map(x.copyRow(i, buffer));
    }
    return out;
  }

  private int dimension() {
    return p;
  }

  /** The component means. */
  @Override
  public Optional<double[][]> centroids() {
    double[][] out = new double[priori.length][];
    for (int c = 0; c < out.length; c++) {
      out[c] = Arrays.copyOfRange(means, c * p, (c + 1) * p);
    }
    return Optional.of(out);
  }

  @Override
  public OptionalDouble bic() {
    return OptionalDouble.of(bic);
  }
}
