package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A small backend for the segmentation tests: Lloyd's k-means with k-means++ seeding ({@code kmeans}),
 * and {@code noisy}, which finds k itself (3) and labels rows far from every centre as noise.
 */
final class TestBackend implements ModelBackend {
  int fits;

  @Override
  public String name() {
    return "test";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String licence() {
    return "Apache-2.0";
  }

  @Override
  public List<AlgorithmSpec> algorithms() {
    return List.of(
        new AlgorithmSpec("kmeans", Task.CLUSTERING, "k-means", Map.of("k", 3), List.of()),
        new AlgorithmSpec("noisy", Task.CLUSTERING, "density stand-in", Map.of("radius", 3.0), List.of()));
  }

  @Override
  public ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    throw new BankmlException("no classifiers");
  }

  @Override
  public ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters h, long seed) {
    return x -> {
      fits++;
      if (algorithm.equals("noisy")) {
        Centroids c = lloyd(x, 3, seed);
        return new Centroids("noisy", c.centres, h.getDouble("radius", 3.0), x);
      }
      return lloyd(x, h.getInt("k", 3), seed);
    };
  }

  @Override
  public byte[] saveClassifier(Classifier classifier) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Classifier loadClassifier(byte[] payload) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] saveClustering(Clustering clustering) {
    Centroids c = (Centroids) clustering;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(c.algorithm);
      out.writeDouble(c.radius);
      out.writeInt(c.centres.length);
      out.writeInt(c.centres[0].length);
      for (double[] row : c.centres) {
        for (double v : row) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Clustering loadClustering(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      String algorithm = in.readUTF();
      double radius = in.readDouble();
      double[][] centres = new double[in.readInt()][in.readInt()];
      for (double[] row : centres) {
        for (int j = 0; j < row.length; j++) {
          row[j] = in.readDouble();
        }
      }
      return new Centroids(algorithm, centres, radius, FeatureMatrix.of(new double[0][], names(centres[0].length)));
    } catch (IOException e) {
      throw new BankmlException("bad payload", e);
    }
  }

  private static List<String> names(int d) {
    return java.util.stream.IntStream.range(0, d).mapToObj(i -> "f" + i).toList();
  }

  static Centroids lloyd(FeatureMatrix x, int k, long seed) {
    int n = x.rows();
    int d = x.cols();
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] c = new double[k][];
    c[0] = x.row(rnd.nextInt(n));
    double[] dist = new double[n];
    for (int m = 1; m < k; m++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
          best = Math.min(best, sq(x.row(i), c[j]));
        }
        dist[i] = best;
        total += best;
      }
      double r = rnd.nextDouble() * total;
      int pick = 0;
      while (pick < n - 1 && (r -= dist[pick]) > 0) {
        pick++;
      }
      c[m] = x.row(pick);
    }
    int[] labels = new int[n];
    for (int iter = 0; iter < 50; iter++) {
      for (int i = 0; i < n; i++) {
        labels[i] = nearest(c, x.row(i));
      }
      double[][] sum = new double[k][d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        count[labels[i]]++;
        for (int j = 0; j < d; j++) {
          sum[labels[i]][j] += x.get(i, j);
        }
      }
      for (int m = 0; m < k; m++) {
        if (count[m] > 0) {
          for (int j = 0; j < d; j++) {
            sum[m][j] /= count[m];
          }
          c[m] = sum[m];
        }
      }
    }
    return new Centroids("kmeans", c, Double.POSITIVE_INFINITY, x);
  }

  static int nearest(double[][] c, double[] row) {
    int best = 0;
    for (int m = 1; m < c.length; m++) {
      if (sq(row, c[m]) < sq(row, c[best])) {
        best = m;
      }
    }
    return best;
  }

  static double sq(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }

  static final class Centroids implements Clustering {
    final String algorithm;
    final double[][] centres;
    final double radius;
    final int[] labels;

    Centroids(String algorithm, double[][] centres, double radius, FeatureMatrix x) {
      this.algorithm = algorithm;
      this.centres = centres;
      this.radius = radius;
      this.labels = new int[x.rows()];
      for (int i = 0; i < x.rows(); i++) {
        labels[i] = assign(x.row(i));
      }
    }

    @Override
    public String algorithm() {
      return algorithm;
    }

    @Override
    public int k() {
      return centres.length;
    }

    @Override
    public int[] trainingLabels() {
      return labels.clone();
    }

    @Override
    public int assign(double[] row) {
      int m = nearest(centres, row);
      return Math.sqrt(sq(row, centres[m])) > radius ? NOISE : m;
    }

    @Override
    public int[] assign(FeatureMatrix x) {
      int[] out = new int[x.rows()];
      for (int i = 0; i < out.length; i++) {
        out[i] = assign(x.row(i));
      }
      return out;
    }

    @Override
    public Optional<double[][]> centroids() {
      return Optional.of(centres);
    }
  }
}
