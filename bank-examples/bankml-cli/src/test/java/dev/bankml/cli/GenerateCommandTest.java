package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path tmp;

  /** Exit code, stdout and stderr of one run. */
  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void writesTheContractFilesAndAJsonSummaryOnStdout() throws IOException {
    Path dir = tmp.resolve("bank");
    CliRun r = run("generate", "--customers", "40", "--seed", "3", "--out", dir.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("customers").asLong()).isEqualTo(40);
    assertThat(json.get("transactions").asLong()).isGreaterThan(40 * 12 * 10);
    assertThat(json.has("default_rate")).isTrue();
    assertThat(json.get("transactions_per_second").asDouble()).isPositive();
    for (BankTable<?> t : List.of(BankTable.CUSTOMERS, BankTable.LOANS, BankTable.TRANSACTIONS, BankTable.PRODUCTS,
        BankTable.HOLDINGS, BankTable.LOAN_DEFAULT_PROBABILITY, BankTable.CUSTOMER_PERSONA, BankTable.PRODUCT_PROPENSITY)) {
      Path f = dir.resolve(t.fileName());
      assertThat(Files.readAllLines(f).get(0)).as(t.fileName()).isEqualTo(String.join(",", t.columns()));
    }
    assertThat(Files.readAllLines(dir.resolve("truth/loan_default_probability.csv")).get(0)).isEqualTo("loan_id,true_pd");
    assertThat(BankCsvReader.strict().readBank(dir).customers()).hasSize(40);
  }

  @Test
  void textSummaryNamesTheCounts() {
    CliRun r = run("generate", "--customers", "20", "--out", tmp.toString(), "-q", "--start", "2023-07-01");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("customers", "transactions", "loans", "default rate", "2023-07-01 to 2024-06-30");
  }

  @Test
  void messOptionsLeaveBlanksInTheTables() throws IOException {
    CliRun r = run("generate", "--customers", "30", "--out", tmp.toString(), "--quiet", "--missing-rate", "0.3",
        "--typo-rate", "0.3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(tmp.resolve("customers.csv"))).contains(",,");
  }

  @Test
  void aBadNumberOptionIsAnErrorWithoutStackTrace() {
    CliRun r = run("generate", "--customers", "many", "--out", tmp.toString());
    assertThat(r.exit()).isEqualTo(2);
    // picocli's own usage error (BankMl leaves option parsing errors to picocli): names option and value
    assertThat(r.err()).contains("--customers", "'many'").doesNotContain("\tat ");
  }

  @Test
  void anOutOfRangeSettingSaysWhatIsValid() {
    CliRun r = run("generate", "--customers", "0", "--out", tmp.toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: customers is 0; must be between 1 and").doesNotContain("\tat ");
  }

  @Test
  void aBadDateIsAnError() {
    CliRun r = run("generate", "--out", tmp.toString(), "--start", "2024-13-01");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--start", "2024-13-01").doesNotContain("\tat ");
  }

  @Test
  void anEndBeforeTheStartIsAnError() {
    CliRun r = run("generate", "--out", tmp.toString(), "--start", "2024-05-01", "--end", "2024-01-01", "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: date range 2024-05-01 to 2024-01-01");
  }

  @Test
  void anOutputPathThatIsAFileIsAnError() throws IOException {
    Path file = Files.writeString(tmp.resolve("x.csv"), "a,b\n");
    CliRun r = run("generate", "--out", file.toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --out").contains("is a file");
  }

  @Test
  void helpListsEveryOption() {
    CliRun r = run("generate", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--customers", "--seed", "--out", "--start", "--end", "--default-rate",
        "--missing-rate", "--outlier-rate", "--typo-rate", "--quiet", "--json");
  }
}
