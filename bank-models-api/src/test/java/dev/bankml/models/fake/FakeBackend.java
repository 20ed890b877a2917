package dev.bankml.models.fake;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.HyperparameterSpace;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The one test-only backend: weighted L2 logistic regression (Newton's method), Lloyd's k-means with
 * k-means++ seeding ({@code kmeans}), and {@code noisy}, a stand-in for density methods that finds
 * k itself (3) and labels rows farther than {@code radius} from every centre as noise; so the API
 * module can be tested without Tribuo or Smile. Registered for tests as backend {@code fake}.
 */
public final class FakeBackend implements ModelBackend {
  static final AlgorithmSpec LOGISTIC = new AlgorithmSpec("logistic", Task.CLASSIFICATION,
      "L2 logistic regression", Map.of("l2", 1e-3, "iterations", 25),
      List.of(new HyperparameterSpace.DoubleRange("l2", 1e-4, 10, true),
          new HyperparameterSpace.IntRange("iterations", 5, 50, false)));
  static final AlgorithmSpec KMEANS = new AlgorithmSpec("kmeans", Task.CLUSTERING,
      "k-means with k-means++ seeding", Map.of("k", 3, "iterations", 50),
      List.of(new HyperparameterSpace.IntRange("k", 2, 8, false)));
  static final AlgorithmSpec NOISY = new AlgorithmSpec("noisy", Task.CLUSTERING,
      "density stand-in: 3 centres, noise beyond the radius", Map.of("radius", 3.0), List.of());

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String licence() {
    return "Apache-2.0";
  }

  @Override
  public List<AlgorithmSpec> algorithms() {
    return List.of(LOGISTIC, KMEANS, NOISY);
  }

  private static Hyperparameters settings(AlgorithmSpec a, Hyperparameters h) {
    return a.declared("fake", h).withDefaults(a.defaults());
  }

  @Override
  public ClassifierTrainer classifierTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    Hyperparameters h = settings(Backends.algorithm(this, algorithm, Task.CLASSIFICATION), hyperparameters);
    double l2 = h.getDouble("l2", 1e-3);
    int iterations = h.getInt("iterations", 25);
    return (x, y, w) -> Logistic.fit(x, y, w, l2, iterations);
  }

  @Override
  public ClusteringTrainer clusteringTrainer(String algorithm, Hyperparameters hyperparameters, long seed) {
    AlgorithmSpec a = Backends.algorithm(this, algorithm, Task.CLUSTERING);
    Hyperparameters h = settings(a, hyperparameters);
    if (a == NOISY) {
      double radius = h.getDouble("radius", 3.0);
      return x -> new Centroids("noisy", lloyd(x, 3, 50, seed), radius, x);
    }
    int k = h.getInt("k", 3);
    int iterations = h.getInt("iterations", 50);
    return x -> new Centroids("kmeans", lloyd(x, k, iterations, seed), Double.POSITIVE_INFINITY, x);
  }

  @Override
  public byte[] saveClassifier(Classifier classifier) {
    Logistic l = (Logistic) classifier;
    double[] all = new double[l.coef.length + 1];
    all[0] = l.intercept;
    System.arraycopy(l.coef, 0, all, 1, l.coef.length);
    return write(1, all, 0);
  }

  @Override
  public Classifier loadClassifier(byte[] payload) {
    double[] all = read(payload, 1);
    return new Logistic(all[0], Arrays.copyOfRange(all, 1, all.length));
  }

  @Override
  public byte[] saveClustering(Clustering clustering) {
    Centroids m = (Centroids) clustering;
    int d = m.centres[0].length;
    double[] all = new double[2 + m.centres.length * d];
    all[0] = m.algorithm.equals("noisy") ? 1 : 0;
    all[1] = m.radius;
    for (int c = 0; c < m.centres.length; c++) {
      System.arraycopy(m.centres[c], 0, all, 2 + c * d, d);
    }
    return write(2, all, d);
  }

  @Override
  public Clustering loadClustering(byte[] payload) {
    double[] all = read(payload, 2);
    int d = (int) all[all.length - 1];
    if (d < 1 || (all.length - 3) % d != 0) {
      throw new BankmlException("fake-backend clustering payload has a bad shape");
    }
    int k = (all.length - 3) / d;
    double[][] centres = new double[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = Arrays.copyOfRange(all, 2 + c * d, 2 + (c + 1) * d);
    }
    return new Centroids(all[0] == 1 ? "noisy" : "kmeans", centres, all[1], new int[0]);
  }

  private static byte[] write(int kind, double[] values, int extra) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(0xFA4E0000 | kind);
      out.writeInt(values.length + (kind == 2 ? 1 : 0));
      CRC32 crc = new CRC32();
      for (double v : values) {
        out.writeDouble(v);
        crc.update(Double.toString(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (kind == 2) {
        out.writeDouble(extra);
        crc.update(Double.toString(extra).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.writeLong(crc.getValue());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double[] read(byte[] payload, int kind) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      if (in.readInt() != (0xFA4E0000 | kind)) {
        throw new BankmlException("not a fake-backend payload");
      }
      int n = in.readInt();
      if (n < 1 || n > payload.length / 8) {
        throw new BankmlException("fake-backend payload has a bad length " + n);
      }
      double[] v = new double[n];
      CRC32 crc = new CRC32();
      for (int i = 0; i < n; i++) {
        v[i] = in.readDouble();
        crc.update(Double.toString(v[i]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (in.readLong() != crc.getValue()) {
        throw new BankmlException("fake-backend payload checksum mismatch");
      }
      return v;
    } catch (IOException e) {
      throw new BankmlException("fake-backend payload is truncated", e);
    }
  }

  /** Logistic regression with exact linear contributions. */
  static final class Logistic implements Classifier {
    final double intercept;
    final double[] coef;

    Logistic(double intercept, double[] coef) {
      this.intercept = intercept;
      this.coef = coef;
    }

    static Logistic fit(FeatureMatrix x, int[] y, double[] w, double l2, int iterations) {
      if (y.length != x.rows() || w.length != x.rows()) {
        throw new BankmlException("labels/weights length must equal rows " + x.rows());
      }
      int d = x.cols() + 1;
      double[] beta = new double[d];
      for (int it = 0; it < iterations; it++) {
        double[] grad = new double[d];
        double[][] hess = new double[d][d];
        for (int i = 0; i < x.rows(); i++) {
          double z = beta[0];
          for (int j = 1; j < d; j++) {
            z += beta[j] * x.get(i, j - 1);
          }
          double p = 1 / (1 + Math.exp(-z));
          double r = w[i] * (p - y[i]);
          double s = w[i] * p * (1 - p);
          for (int a = 0; a < d; a++) {
            double xa = a == 0 ? 1 : x.get(i, a - 1);
            grad[a] += r * xa;
            for (int b = 0; b < d; b++) {
              double xb = b == 0 ? 1 : x.get(i, b - 1);
              hess[a][b] += s * xa * xb;
            }
          }
        }
        for (int a = 1; a < d; a++) {
          grad[a] += l2 * beta[a] * x.rows();
          hess[a][a] += l2 * x.rows();
        }
        for (int a = 0; a < d; a++) {
          hess[a][a] += 1e-9;
        }
        double[] step = solve(hess, grad);
        for (int a = 0; a < d; a++) {
          beta[a] -= step[a];
        }
      }
      return new Logistic(beta[0], Arrays.copyOfRange(beta, 1, d));
    }

    private static double[] solve(double[][] a, double[] b) {
      int n = b.length;
      double[][] m = new double[n][n + 1];
      for (int i = 0; i < n; i++) {
        System.arraycopy(a[i], 0, m[i], 0, n);
        m[i][n] = b[i];
      }
      for (int c = 0; c < n; c++) {
        int p = c;
        for (int r = c + 1; r < n; r++) {
          if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
            p = r;
          }
        }
        double[] t = m[c];
        m[c] = m[p];
        m[p] = t;
        for (int r = c + 1; r < n; r++) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
      double[] out = new double[n];
      for (int r = n - 1; r >= 0; r--) {
        double s = m[r][n];
        for (int k = r + 1; k < n; k++) {
          s -= m[r][k] * out[k];
        }
        out[r] = s / m[r][r];
      }
      return out;
    }

    @Override
    public String algorithm() {
      return "logistic";
    }

    @Override
    public int featureCount() {
      return coef.length;
    }

    @Override
    public double probability(double[] row) {
      if (row.length != coef.length) {
        throw new BankmlException("row has " + row.length + " features, expected " + coef.length);
      }
      double z = intercept;
      for (int j = 0; j < coef.length; j++) {
        z += coef[j] * row[j];
      }
      return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double[] probabilities(FeatureMatrix x) {
      if (x.cols() != coef.length) {
        throw new BankmlException("matrix has " + x.cols() + " features, expected " + coef.length);
      }
      double[] out = new double[x.rows()];
      double[] row = new double[x.cols()];
      for (int i = 0; i < out.length; i++) {
        out[i] = probability(x.copyRow(i, row));
      }
      return out;
    }

    @Override
    public Optional<Contributions> contributions(double[] row) {
      double[] c = new double[coef.length];
      for (int j = 0; j < c.length; j++) {
        c[j] = coef[j] * row[j];
      }
      return Optional.of(new Contributions(intercept, c));
    }

    @Override
    public Optional<double[]> featureImportance() {
      return Optional.of(Arrays.stream(coef).map(Math::abs).toArray());
    }
  }

  /** Lloyd's k-means with k-means++ seeding: the centres after {@code iterations} rounds. */
  static double[][] lloyd(FeatureMatrix x, int k, int iterations, long seed) {
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
    for (int iter = 0; iter < iterations; iter++) {
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
    return c;
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

  /** Centres, and the distance beyond which a row is noise (infinite for k-means). */
  static final class Centroids implements Clustering {
    final String algorithm;
    final double[][] centres;
    final double radius;
    final int[] labels;

    Centroids(String algorithm, double[][] centres, double radius, int[] labels) {
      this.algorithm = algorithm;
      this.centres = centres;
      this.radius = radius;
      this.labels = labels;
    }

    Centroids(String algorithm, double[][] centres, double radius, FeatureMatrix x) {
      this(algorithm, centres, radius, new int[x.rows()]);
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
