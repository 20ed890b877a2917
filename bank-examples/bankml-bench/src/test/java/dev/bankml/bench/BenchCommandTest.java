package dev.bankml.bench;

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
  void everyBenchmarkOfTheQuickSubsetExists() {
    // QUICK is "(A\\.x|B\\.(y|z)|...)$": a renamed benchmark must not silently drop out of it.
    String body = BenchCommand.QUICK.substring(1, BenchCommand.QUICK.length() - 2);
    for (String alternative : topLevelAlternatives(body)) {
      assertThat(matching("dev\\.bankml\\.bench\\." + alternative + "$"))
          .as("benchmarks matching %s", alternative)
          .isNotEmpty();
    }
  }

  @Test
  void theQuickSubsetLeavesOutTrainingOnLargeData() {
    assertThat(matching(BenchCommand.QUICK))
        .isNotEmpty()
        .noneMatch(n -> n.contains("train") && (n.contains("100k") || n.contains("1m") || n.contains("1M")));
  }

  private static List<String> topLevelAlternatives(String regex) {
    List<String> parts = new java.util.ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(regex.substring(from));
    return parts;
  }

  @Test
  void nonsensicalIterationCountsAreRefusedWithExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cl = BenchCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute("--iterations", "0");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--iterations");
  }
}
