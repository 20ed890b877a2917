package dev.bankml.spark;

import dev.bankml.data.BankmlException;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.segment.FittedSegmentation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The nightly batch on Apache Spark, one entry point for {@code spark-submit --class
 * dev.bankml.spark.NightlyJob bank-spark.jar JOB OPTIONS} and {@code ./bankml spark JOB OPTIONS}.
 *
 * <p>Jobs: {@code generate} (a synthetic bank in parallel partitions, the tables of {@code bankml
 * generate}), {@code features} (loan-application and customer-behaviour views), {@code score} (a
 * loan-default bundle on every loan of the bank), {@code segment} (a segmentation bundle on every
 * customer), {@code recommend} (every customer's top k products). Progress and a summary (rows in,
 * rows out, rejects, seconds) go to stderr; a bad input is refused before any stage runs, exit 2.
 */
public final class NightlyJob {
  static final String USAGE = String.join("\n",
      "usage: NightlyJob generate|features|score|segment|recommend [options]",
      "  --bank DIR          bank tables: CSV files (or directories of CSV parts) or Parquet directories",
      "  --out DIR           where to write the job's output (replaced)",
      "  --model FILE        score: a loan-default bundle (bankml train); segment: a segmentation bundle (bankml segment --save)",
      "  --trust-unsigned    load --model even if its signature cannot be verified here (unsigned, older bankml,"
          + " untrusted key), with a warning",
      "  --format F          parquet (default) or csv",
      "  --k N               recommend: products per customer (default 7)",
      "  --similarity S      recommend: cosine (default), jaccard, conditional or lift",
      "  --customers N       generate: number of customers (default 1000)",
      "  --seed S            generate: random seed (default 1)",
      "  --partitions N      partitions of the by-customer shuffle (default: twice the default parallelism)",
      "  --master URL        Spark master (default: the one spark-submit gives, else local[*])");
  private static final Set<String> JOBS = Set.of("generate", "features", "score", "segment", "recommend");
  private static final Set<String> OPTIONS = Set.of("--bank", "--out", "--model", "--format", "--k", "--similarity",
      "--customers", "--seed", "--partitions", "--master");
  /** Options without a value. */
  private static final Set<String> FLAGS = Set.of("--trust-unsigned");

  private NightlyJob() {}

  /** Runs a job; exits 2 on bad input, 1 on any other failure. */
  public static void main(String[] args) {
    PrintStream err = System.err;
    try {
      Summary s = run(args, null);
      err.println(s.line());
    } catch (BankmlException e) {
      err.println("error: " + e.getMessage());
      if (e instanceof dev.bankml.data.bundle.UntrustedBundleException) {
        err.println("hint: if you trust where this file came from, pass --trust-unsigned to load it anyway");
      }
      System.exit(2);
    } catch (RuntimeException e) {
      err.println("error: " + e);
      System.exit(1);
    }
  }

  /** What a job did: rows in and out, rejected rows, wall seconds. */
  record Summary(String job, long rowsIn, long rowsOut, long rejects, double seconds, String out) {
    String line() {
      return String.format(Locale.ROOT, "bankml spark %s: rows in %,d, rows out %,d, rejects %,d, %.1f s; wrote %s",
          job, rowsIn, rowsOut, rejects, seconds, out);
    }
  }

  /** Runs {@code args} on {@code session}, or on a session of its own (stopped at the end) when null. */
  static Summary run(String[] args, SparkSession session) {
    if (args.length == 0 || !JOBS.contains(args[0])) {
      throw new BankInputException("give a job first: generate, features, score, segment or recommend\n" + USAGE);
    }
    String job = args[0];
    Map<String, String> o = options(args);
    String out = required(o, "--out", job);
    String format = o.getOrDefault("--format", "parquet");
    if (!format.equals("parquet") && !format.equals("csv")) {
      throw new BankInputException("--format is '" + format + "'; use parquet or csv");
    }
    // models are read (and refused) before Spark starts
    byte[] bundle = null;
    LoanDefaultModel loanModel = null;
    FittedSegmentation segmentation = null;
    if (job.equals("score") || job.equals("segment")) {
      Path model = Path.of(required(o, "--model", job));
      dev.bankml.data.bundle.LoadOptions load = dev.bankml.data.bundle.LoadOptions.defaults()
          .trustUnsigned(o.containsKey("--trust-unsigned"));
      if (job.equals("score")) {
        loanModel = LoanDefaultModel.load(model, load);
      } else {
        segmentation = FittedSegmentation.load(model, load);
      }
      try {
        bundle = Files.readAllBytes(model);
      } catch (IOException e) {
        throw new BankInputException("cannot read model bundle " + model + ": " + e.getMessage(), e);
      }
    }
    SparkSession spark = session != null ? session : session(o.get("--master"), job);
    long t0 = System.nanoTime();
    try {
      int partitions = integer(o, "--partitions", 2 * spark.sparkContext().defaultParallelism());
      progress(job, "started on " + spark.sparkContext().master());
      Summary s = switch (job) {
        case "generate" -> generate(spark, o, out, format, t0);
        case "features" -> features(spark, bank(spark, o, job), out, format, partitions, t0);
        case "score" -> score(spark, bank(spark, o, job), bundle, loanModel, out, format, partitions, t0);
        case "segment" -> segment(spark, bank(spark, o, job), bundle, segmentation, out, format, partitions, t0);
        default -> recommend(spark, bank(spark, o, job), integer(o, "--k", 7), o.getOrDefault("--similarity", "cosine"),
            out, format, partitions, t0);
      };
      return s;
    } finally {
      if (session == null) {
        spark.stop();
      }
    }
  }

  private static Summary generate(SparkSession spark, Map<String, String> o, String out, String format, long t0) {
    SyntheticBank bank = SyntheticBank.builder()
        .customers(integer(o, "--customers", 1_000))
        .seed(Long.parseLong(o.getOrDefault("--seed", "1")))
        .build();
    GenerateJob.Summary s = GenerateJob.generate(spark, bank, out, format);
    progress("generate", String.format(Locale.ROOT, "%,d customers, %,d loans, %,d transactions, %,d holdings",
        s.customers(), s.loans(), s.transactions(), s.holdings()));
    return new Summary("generate", s.customers(), s.customers() + s.loans() + s.transactions() + s.holdings(), 0,
        seconds(t0), out);
  }

  private static Summary features(SparkSession spark, BankTables bank, String out, String format, int partitions, long t0) {
    Dataset<Row> loans = FeaturesJob.loanView(spark, bank, partitions);
    write(loans, out + "/loan_features", format);
    long loanRows = read(spark, out + "/loan_features", format).count();
    progress("features", String.format(Locale.ROOT, "loan-application view: %,d rows", loanRows));
    Dataset<Row> customers = FeaturesJob.customerView(spark, bank, partitions);
    write(customers, out + "/customer_features", format);
    long customerRows = read(spark, out + "/customer_features", format).count();
    progress("features", String.format(Locale.ROOT, "customer-behaviour view: %,d rows", customerRows));
    return new Summary("features", loanRows + customerRows, loanRows + customerRows, 0, seconds(t0), out);
  }

  private static Summary score(SparkSession spark, BankTables bank, byte[] bundle, LoanDefaultModel model, String out,
      String format, int partitions, long t0) {
    Dataset<Row> view = FeaturesJob.loanView(spark, bank, partitions);
    return writeWithRejects("score", ScoreJob.score(spark, view, bundle, model, "loan_id"), "loan_id", "scores",
        out, format, t0);
  }

  private static Summary segment(SparkSession spark, BankTables bank, byte[] bundle, FittedSegmentation s, String out,
      String format, int partitions, long t0) {
    Dataset<Row> view = FeaturesJob.customerView(spark, bank, partitions);
    return writeWithRejects("segment", SegmentJob.assign(spark, view, bundle, s), "customer_id", "segments",
        out, format, t0);
  }

  /**
   * Writes the rows of {@code results} without a {@code reject_reason} to {@code out/accepted} and
   * the rejected rows' {@code key} and reason to {@code out/rejects}; the summary counts both.
   */
  private static Summary writeWithRejects(String job, Dataset<Row> results, String key, String accepted, String out,
      String format, long t0) {
    Dataset<Row> kept = results.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> rejected = kept.where(functions.col("reject_reason").isNotNull()).select(key, "reject_reason");
      write(kept.where(functions.col("reject_reason").isNull()).drop("reject_reason"), out + "/" + accepted, format);
      write(rejected, out + "/rejects", format);
      long rows = kept.count();
      long rejects = rejected.count();
      return new Summary(job, rows, rows - rejects, rejects, seconds(t0), out);
    } finally {
      kept.unpersist();
    }
  }

  private static Summary recommend(SparkSession spark, BankTables bank, int k, String similarity, String out,
      String format, int partitions, long t0) {
    Dataset<Row> recs = RecommendJob.recommend(spark, bank, k, similarity, partitions);
    write(recs, out + "/recommendations", format);
    long rows = read(spark, out + "/recommendations", format).count();
    long customers = bank.read(dev.bankml.data.io.BankTable.CUSTOMERS).count();
    return new Summary("recommend", customers, rows, 0, seconds(t0), out);
  }

  /** A session for {@code master}; local masters bind 127.0.0.1 and run without the web UI. */
  static SparkSession session(String master, String job) {
    SparkConf conf = new SparkConf().setAppName("bankml " + job);
    String m = master != null ? master : conf.get("spark.master", "local[*]");
    conf.setMaster(m);
    if (m.startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    }
    conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
    SparkSession s = SparkSession.builder().config(conf).getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }

  private static BankTables bank(SparkSession spark, Map<String, String> o, String job) {
    return new BankTables(spark, required(o, "--bank", job));
  }

  static void write(Dataset<Row> df, String dir, String format) {
    if (format.equals("csv")) {
      df.write().mode(SaveMode.Overwrite).option("header", true).csv(dir);
    } else {
      df.write().mode(SaveMode.Overwrite).parquet(dir);
    }
    progress("write", dir);
  }

  static Dataset<Row> read(SparkSession spark, String dir, String format) {
    return format.equals("csv") ? spark.read().option("header", true).csv(dir) : spark.read().parquet(dir);
  }

  private static void progress(String job, String what) {
    System.err.println("bankml spark " + job + ": " + what);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (FLAGS.contains(a)) {
        o.put(a, "true");
        continue;
      }
      if (!OPTIONS.contains(a)) {
        throw new BankInputException("unknown option '" + a + "'\n" + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new BankInputException(a + " needs a value\n" + USAGE);
      }
      o.put(a, args[++i]);
    }
    return o;
  }

  private static String required(Map<String, String> o, String option, String job) {
    String v = o.get(option);
    if (v == null) {
      throw new BankInputException(job + " needs " + option + "\n" + USAGE);
    }
    return v;
  }

  private static int integer(Map<String, String> o, String option, int fallback) {
    String v = o.get(option);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BankInputException(option + " is '" + v + "'; give a whole number");
    }
  }

  static List<String> jobs() {
    return List.copyOf(JOBS);
  }
}
