package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bank written with missing values is evaluated and segmented whole, without options. */
class MessyBankCliTest {
  @TempDir static Path dir;
  static Path bank;

  @BeforeAll
  static void messyBank() {
    bank = dir.resolve("messy");
    SyntheticBank.builder().customers(400).seed(7).missingRate(0.05).typoRate(0.05).build()
        .generate(bank, ProgressListener.NONE);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static long dataLines(Path csv) throws IOException {
    try (var lines = Files.lines(csv)) {
      return lines.count() - 1;
    }
  }

  @Test
  void evaluateUsesEveryLoanOfAMessyBank() throws IOException {
    CliRun r = run("evaluate", "--data", bank.toString(), "--backend", "smile", "--algorithm", "logistic", "--cv", "3",
        "--json", "-q");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("rows").asLong()).isEqualTo(dataLines(bank.resolve("loans.csv")));
    assertThat(json.get("auc").asDouble()).isBetween(0.6, 1.0);
  }

  @Test
  void segmentAssignsEveryCustomerOfAMessyBank() throws IOException {
    Path out = dir.resolve("segments");
    CliRun r = run("segment", "--data", bank.toString(), "--backend", "smile", "--k", "6", "--out", out.toString(),
        "--json", "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("rows").asLong())
        .isEqualTo(dataLines(bank.resolve("customers.csv")));
    assertThat(dataLines(out.resolve("segments.csv"))).isEqualTo(dataLines(bank.resolve("customers.csv")));
  }
}
