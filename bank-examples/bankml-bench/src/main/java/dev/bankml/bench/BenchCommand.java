package dev.bankml.bench;

import dev.bankml.data.BankmlException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bankml bench}: runs the JMH benchmarks with short defaults suited to a 2-core machine.
 * The {@code bankml} launcher runs this class from {@code benchmarks.jar}, so JMH never enters the
 * command-line tool's jar; the full JMH harness is {@code java -jar benchmarks.jar}.
 */
@Command(
    name = "bankml bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs JMH benchmarks matching REGEX (default: a quick subset) with defaults for a 2-core machine:",
      "1 fork, 2 warm-up and 3 measured iterations of 1 s. For full control use",
      "java -jar bank-examples/bankml-bench/target/benchmarks.jar [JMH options]."
    })
public final class BenchCommand implements Callable<Integer> {
  /**
   * The quick subset, under ten minutes on two cores: transformRow; single-application scoring
   * (pipeline + logistic, pipeline + boosted trees) for every backend and k-means on 100k customers
   * for the two that cluster; training on 10k loans (Tribuo logistic); the recommender's fit + top-7 for all
   * customers. Every benchmark is its own fork with its own data set-up, so this is kept short.
   */
  static final String QUICK = "(FeaturesBenchmark\\.transformRow"
      + "|SmileBenchmark\\.(scoreOneLogistic|scoreOneGradientBoosting|clusterKMeans100k)"
      + "|TribuoBenchmark\\.(scoreOneLogistic|scoreOneGradientBoosting|trainLogistic10k|clusterKMeans100k)"
      + "|XgboostBenchmark\\.(scoreOneLogistic|scoreOneGradientBoosting)"
      + "|RecommenderBenchmark\\.fitAndRecommendTop7AllCustomers)$";

  @Parameters(arity = "0..1", paramLabel = "REGEX", description = "Benchmarks to run (JMH include regex).")
  String regex = QUICK;

  @Option(names = "--forks", description = "JVM forks per benchmark (default: ${DEFAULT-VALUE}).")
  int forks = 1;

  @Option(names = "--warmup", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
  int warmup = 2;

  @Option(names = "--iterations", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
  int iterations = 3;

  @Option(names = "--time", description = "Seconds per iteration (default: ${DEFAULT-VALUE}).")
  int seconds = 1;

  @Option(names = "--threads", description = "Benchmark threads (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--result", paramLabel = "FILE.json", description = "Also write JMH's JSON results here.")
  Path result;

  @Option(names = "--list", description = "List the matching benchmarks and exit.")
  boolean list;

  /** Runs the benchmarks and exits: 0 done, 2 bad options or no benchmark matched. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: bad input prints {@code error: ...} and exits 2, as in bankml. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (!(e instanceof BankmlException)) {
            throw e;
          }
          line.getErr().println("error: " + e.getMessage());
          line.getErr().flush();
          return 2;
        });
    return cl;
  }

  @Override
  public Integer call() throws RunnerException {
    if (forks < 0 || warmup < 0 || iterations < 1 || seconds < 1 || threads < 1) {
      throw new BankmlException(
          "--forks and --warmup must be >= 0; --iterations, --time and --threads must be >= 1");
    }
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(regex)
            .forks(forks)
            .warmupIterations(warmup)
            .measurementIterations(iterations)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementTime(TimeValue.seconds(seconds))
            .threads(threads)
            .timeUnit(TimeUnit.MICROSECONDS)
            .shouldFailOnError(true);
    if (result != null) {
      options.result(result.toString()).resultFormat(ResultFormatType.JSON);
    }
    Runner runner = new Runner(options.build());
    if (list) {
      runner.list();
      return 0;
    }
    if (runner.run().isEmpty()) {
      throw new BankmlException("no benchmark matches '" + regex + "' (see bankml bench --list '.*')");
    }
    return 0;
  }
}
