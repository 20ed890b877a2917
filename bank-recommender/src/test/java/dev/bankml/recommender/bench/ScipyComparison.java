package dev.bankml.recommender.bench;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.TopK;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java side of {@code benchmarks/recommender/compare-scipy.sh}: reads the holdings file the
 * script wrote (reading is not timed), then times building the sparse matrix, fitting cosine
 * similarities and computing every customer's top 7 — the same work the numpy/scipy script times.
 *
 * <p>Usage: {@code ScipyComparison HOLDINGS.bin RUNS THREADS TOP_OUT}. Prints one line per
 * measured run ({@code run <wall seconds> <process CPU seconds>}) and writes the first 10,000 customers' top 7 to TOP_OUT.
 */
public final class ScipyComparison {
  private ScipyComparison() {}

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    Path topOut = Path.of(args[3]);
    IntBuffer in;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      in = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }
    int customers = in.get();
    int items = in.get();
    int nnz = in.get();
    int[] customer = new int[nnz];
    int[] item = new int[nnz];
    in.get(customer);
    in.get(item);
    RecommenderSpec spec = RecommenderSpec.builder().threads(threads).blendWeight(0).build();
    int warmup = 3;
    double[] seconds = new double[runs];
    TopK top = null;
    for (int r = -warmup; r < runs; r++) {
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      InteractionMatrix m = InteractionMatrix.binary(customers, items, customer, item);
      ItemRecommender model = spec.fit(m);
      top = model.recommendAll(m, 7);
      long t1 = System.nanoTime();
      long cpu1 = processCpuNanos();
      if (r >= 0) {
        seconds[r] = (t1 - t0) / 1e9;
        System.out.printf(Locale.ROOT, "run %.4f %.4f%n", seconds[r], (cpu1 - cpu0) / 1e9);
      }
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(topOut))) {
      for (int c = 0; c < Math.min(10_000, customers); c++) {
        int[] t = top.itemsOf(c);
        w.println(String.join(" ", Arrays.stream(t).mapToObj(Integer::toString).toList()));
      }
    }
  }
}
