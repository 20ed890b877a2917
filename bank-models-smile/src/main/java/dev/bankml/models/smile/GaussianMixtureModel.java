package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalDouble;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateGaussianMixture;
import smile.stat.distribution.MultivariateMixture;

/**
 * Gaussian mixture fitted by EM (Smile's {@code MultivariateGaussianMixture}); a row belongs to
 * the component with the highest posterior. Reports the conventional BIC
 * {@code -2 log L + params * ln n} (lower is better); Smile's own {@code bic} field is
 * {@code log L - params/2 * ln n} (higher is better), so ours is {@code -2} times Smile's.
 */
final class GaussianMixtureModel implements Clustering, Serializable {
  private static final long serialVersionUID = 1L;

  private final MultivariateGaussianMixture smile;
  private final int[] labels;
  private final double bic;

  private GaussianMixtureModel(MultivariateGaussianMixture smile, int[] labels) {
    this.smile = smile;
    this.labels = labels;
    this.bic = -2 * smile.bic;
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
    GaussianMixtureModel model = new GaussianMixtureModel(gmm, new int[0]);
    int[] labels = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      labels[i] = model.smile.map(data[i]);
    }
    return new GaussianMixtureModel(gmm, labels);
  }

  @Override
  public String algorithm() {
    return "gmm";
  }

  @Override
  public int k() {
    return smile.size();
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
    return smile.components[0].distribution.mean().length;
  }

  /** The component means. */
  @Override
  public Optional<double[][]> centroids() {
    MultivariateMixture.Component[] cs = smile.components;
    double[][] means = new double[cs.length][];
    for (int c = 0; c < cs.length; c++) {
      means[c] = ((MultivariateGaussianDistribution) cs[c].distribution).mean().clone();
    }
    return Optional.of(means);
  }

  @Override
  public OptionalDouble bic() {
    return OptionalDouble.of(bic);
  }
}
