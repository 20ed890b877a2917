package dev.bankml.bench;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature pipeline and CSV loading: {@code transformRow} latency for one live record through
 * the default pipeline (12 inputs), {@code transform} of a 10,000-row table (throughput = 10,000 /
 * time), and loading a 1,000,000-row × 20-column CSV with type inference. Run with
 * {@code java -jar bank-examples/target/benchmarks.jar FeaturesBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FeaturesBenchmark {
  static final String[] PURPOSES = {"car", "home", "education", "travel", "debt", "medical", "business", "wedding"};
  static final String[] GRADES = {"A", "B", "C", "D", "E", "F", "G"};

  /** A fitted default pipeline, a live record and a 10k-row table, built outside the measurement. */
  @State(Scope.Benchmark)
  public static class Pipeline {
    FittedPipeline fitted;
    Map<String, Object> record;
    Table batch;

    /** Fits on 20,000 rows. */
    @Setup(Level.Trial)
    public void setUp() {
      fitted = FeaturePipeline.defaults().fit(table(20_000, 1));
      batch = table(10_000, 2);
      record = new HashMap<>(batch.row(17));
      record.put("income", "NA");
      record.put("purpose", "spaceship");
    }
  }

  /** A 1M × 20 CSV in a temporary file, written once per trial. */
  @State(Scope.Benchmark)
  public static class Csv {
    Path file;

    /** Writes the file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = Files.createTempFile("bankml-features-bench", ".csv");
      writeCsv(file, 1_000_000, 3);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /** Features of one live record (with a missing number and an unseen category). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double[] transformRow(Pipeline p) {
    return p.fitted.transformRow(p.record);
  }

  /** Features of a 10,000-row table. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public FeatureMatrix transform10k(Pipeline p) {
    return p.fitted.transform(p.batch);
  }

  /** Loads the 1M × 20 CSV (two passes: type inference, then filling primitive arrays). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Table csvLoad1Mx20(Csv c) {
    return CsvTableReader.defaults().read(c.file);
  }

  /** A mixed table: 8 numerics (10% missing income), 3 categoricals, 1 boolean, an id and a 0/1 target. */
  static Table table(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] id = new double[n];
    double[][] num = new double[8][n];
    String[][] cat = new String[3][n];
    boolean[] owner = new boolean[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      for (int j = 0; j < 8; j++) {
        num[j][i] = j == 0 && r.nextDouble() < 0.1 ? Double.NaN : Math.round(r.nextDouble() * 100_000) / 100.0;
      }
      cat[0][i] = PURPOSES[r.nextInt(PURPOSES.length)];
      cat[1][i] = GRADES[r.nextInt(GRADES.length)];
      cat[2][i] = r.nextDouble() < 0.05 ? "" : "region_" + r.nextInt(12);
      owner[i] = r.nextBoolean();
      y[i] = r.nextDouble() < 0.15 ? 1 : 0;
    }
    Table.Builder b = Table.builder().add(NumericColumn.of("id", id), ColumnRole.ID)
        .add(NumericColumn.of("income", num[0]));
    for (int j = 1; j < 8; j++) {
      b.add(NumericColumn.of("x" + j, num[j]));
    }
    return b.add(CategoricalColumn.of("purpose", cat[0])).add(CategoricalColumn.of("grade", cat[1]))
        .add(CategoricalColumn.of("region", cat[2])).add(BooleanColumn.of("owner", owner))
        .add(NumericColumn.of("defaulted", y), ColumnRole.TARGET).build();
  }

  /** Writes {@code rows} rows of 20 columns: 14 numeric, 4 categorical, 1 boolean, 1 date; about 1% missing. */
  static void writeCsv(Path file, int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long day0 = LocalDate.of(2015, 1, 1).toEpochDay();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder h = new StringBuilder("id");
      for (int j = 1; j < 14; j++) {
        h.append(",n").append(j);
      }
      w.write(h.append(",purpose,grade,region,note,owner,opened\n").toString());
      StringBuilder line = new StringBuilder(256);
      for (int i = 0; i < rows; i++) {
        line.setLength(0);
        line.append(i);
        for (int j = 1; j < 14; j++) {
          line.append(',');
          if (r.nextDouble() < 0.01) {
            line.append("NA");
          } else if (j % 2 == 0) {
            line.append(r.nextInt(100_000));
          } else {
            line.append(r.nextInt(1_000_000) / 100.0);
          }
        }
        line.append(',').append(PURPOSES[r.nextInt(PURPOSES.length)]);
        line.append(',').append(GRADES[r.nextInt(GRADES.length)]);
        line.append(",region_").append(r.nextInt(40));
        line.append(r.nextDouble() < 0.1 ? ",\"late, paid\"" : ",ok");
        line.append(',').append(r.nextBoolean());
        line.append(',').append(LocalDate.ofEpochDay(day0 + r.nextInt(3000)));
        w.write(line.append('\n').toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
