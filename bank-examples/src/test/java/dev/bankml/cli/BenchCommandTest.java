package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;

class BenchCommandTest {
  static Set<String> matching(String regex) {
    return BenchmarkList.defaultList()
        .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(regex), List.of())
        .stream()
        .map(BenchmarkListEntry::getUsername)
        .collect(Collectors.toSet());
  }

  @Test
  void atLeastEightBenchmarksNameABackend() {
    assertThat(matching(".*").stream().filter(n -> n.contains("Smile") || n.contains("Tribuo")))
        .hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void quickSubsetCoversEveryAreaAndBothBackendsWithoutTheSlowOnes() {
    Set<String> quick = matching(BenchCommand.QUICK).stream()
        .map(n -> n.substring("dev.bankml.bench.".length()))
        .collect(Collectors.toSet());
    assertThat(quick).contains(
        "FeaturesBenchmark.transformRow",
        "SmileBenchmark.scoreOneLogistic",
        "SmileBenchmark.scoreOneGradientBoosting",
        "TribuoBenchmark.scoreOneLogistic",
        "TribuoBenchmark.scoreOneXgboost",
        "TribuoBenchmark.trainLogistic10k",
        "SmileBenchmark.clusterKMeans100k",
        "TribuoBenchmark.clusterKMeans100k",
        "RecommenderBenchmark.fitAndRecommendTop7AllCustomers");
    assertThat(quick).noneMatch(n -> n.contains("100k") && n.contains("train"));
    assertThat(quick).noneMatch(n -> n.contains("1m") || n.contains("1M"));
    assertThat(quick).hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void nonsensicalIterationCountsAreRefusedWithExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cl = BankMl.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("bench", "--iterations", "0");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--iterations");
  }
}
