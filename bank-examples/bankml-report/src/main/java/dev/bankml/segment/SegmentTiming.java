package dev.bankml.segment;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.metrics.CalinskiHarabasz;
import dev.bankml.models.metrics.DaviesBouldin;
import dev.bankml.models.metrics.Silhouette;
import dev.bankml.models.segment.CustomerSegmentation;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times segmentation at scale on a seeded matrix of Gaussian blobs: each backend's k-means alone
 * (one run), the sampled silhouette and the other metrics, and
 * the whole {@link CustomerSegmentation#fit} with a forced k. Wall-clock seconds, one run each (a
 * script, not a JMH benchmark: a 1M-row fit takes seconds, so JIT warm-up is noise).
 *
 * <p>Usage: {@code java -cp bankml.jar dev.bankml.segment.SegmentTiming [rows] [features] [k]
 * [backends] [matrix.f64]} (backends comma-separated, default every one on the class path); the
 * optional last argument writes the matrix as little-endian float64 for comparison with other
 * tools (numpy: {@code np.fromfile(path).reshape(rows, features)}).
 */
public final class SegmentTiming {
  private SegmentTiming() {}

  /** Runs the timings and prints one line per measurement. */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int cols = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    List<String> wanted = args.length > 3 ? List.of(args[3].split(",")) : List.of();
    FeatureMatrix x = blobs(rows, cols, k, 2024);
    if (args.length > 4) {
      write(x, Path.of(args[4]));
    }
    List<ModelBackend> backends = Backends.all().stream()
        .filter(b -> wanted.isEmpty() || wanted.contains(b.name()))
        .filter(b -> b.algorithms().stream().anyMatch(a -> a.name().equals("kmeans")))
        .toList();
    System.out.printf(Locale.ROOT, "matrix: %,d rows x %d features, %d blobs; %d processors%n", rows, cols, k,
        Runtime.getRuntime().availableProcessors());
    Clustering reference = null;
    for (ModelBackend backend : backends) {
      Hyperparameters one = new Hyperparameters(java.util.Map.of("k", k)).with("restarts", 1);
      long t = start();
      Clustering c = backend.clusteringTrainer("kmeans", one, 1).fit(x);
      report(backend.name() + " kmeans, 1 run (restarts=1)", t);
      reference = c;
    }
    if (reference != null) {
      int[] labels = reference.trainingLabels();
      long t = start();
      double s = Silhouette.auto(x, labels, 1);
      report(String.format(Locale.ROOT, "silhouette (auto: sampled above %,d rows) = %.3f", Silhouette.EXACT_LIMIT, s), t);
      t = start();
      DaviesBouldin.of(x, labels);
      report("Davies-Bouldin", t);
      t = start();
      CalinskiHarabasz.of(x, labels);
      report("Calinski-Harabasz", t);
    }
    List<String> ids = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      ids.add(Integer.toString(i));
    }
    for (ModelBackend backend : backends) {
      long t = start();
      FittedSegmentation s = CustomerSegmentation.builder().backend(backend).k(k).restarts(3).seed(1).build().fit(x, ids);
      report(String.format(Locale.ROOT, "CustomerSegmentation.fit, %s kmeans k=%d, 3 restarts (silhouette %.3f, stability %.3f)",
          backend.name(), k, s.quality().silhouette(), s.quality().stability()), t);
    }
  }

  /** {@code rows} points around {@code k} random centres (sd 4 apart), unit noise, seeded. */
  static FeatureMatrix blobs(int rows, int cols, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] centres = new double[k][cols];
    for (double[] c : centres) {
      for (int j = 0; j < cols; j++) {
        c[j] = 4 * gaussian(rnd);
      }
    }
    double[] v = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      double[] c = centres[rnd.nextInt(k)];
      for (int j = 0; j < cols; j++) {
        v[i * cols + j] = c[j] + gaussian(rnd);
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      names.add("f" + (j + 1));
    }
    return FeatureMatrix.wrap(v, rows, names, names);
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private static void write(FeatureMatrix x, Path file) throws IOException {
    double[] v = x.rowMajorValues();
    ByteBuffer buf = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(v);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static long cpuAtStart;

  /** Process CPU time in nanoseconds (all threads), or -1 where the JVM does not report it. */
  private static long cpu() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static long start() {
    cpuAtStart = cpu();
    return System.nanoTime();
  }

  /** Prints wall-clock and process CPU seconds since {@link #start()}: CPU time stays honest on a busy machine. */
  private static void report(String what, long since) {
    double wall = (System.nanoTime() - since) / 1e9;
    double cpu = (cpu() - cpuAtStart) / 1e9;
    System.out.printf(Locale.ROOT, "%8.2f s wall %8.2f s CPU  %s%n", wall, cpu, what);
  }
}
