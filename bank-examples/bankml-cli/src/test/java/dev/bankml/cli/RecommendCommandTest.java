package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Education;
import dev.bankml.data.domain.Eligibility;
import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductCategory;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.io.BankCsvWriter;
import dev.bankml.data.io.BankTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
  @TempDir static Path bank;

  /**
   * 60 customers: even ones hold salary account + credit card (and the older half a mortgage),
   * odd ones savings + deposit. Customer C0 is 19 with a low income: the mortgage is not for them.
   */
  @BeforeAll
  static void writeBank() {
    List<Customer> customers = new ArrayList<>();
    List<Holding> holdings = new ArrayList<>();
    List<ProductPropensity> truth = new ArrayList<>();
    for (int c = 0; c < 60; c++) {
      String id = "C" + c;
      boolean young = c == 0;
      customers.add(new Customer(id, "Name " + c, id + "@example.com", "555", "City", "Region",
          LocalDate.of(young ? 2005 : 1980, 1, 1), young ? 8_000 : 60_000, EmploymentStatus.EMPLOYED, 3,
          HomeOwnership.RENT, Education.BACHELOR, MaritalStatus.SINGLE, 0, 700, LocalDate.of(2015, 1, 1)));
      if (c % 2 == 0) {
        holdings.add(new Holding(id, "P1", LocalDate.of(2020, 1, 1)));
        if (c != 0) {
          holdings.add(new Holding(id, "P2", LocalDate.of(c < 30 ? 2021 : 2024, 3, 1)));
        }
        if (c >= 10 && c < 40) {
          holdings.add(new Holding(id, "P3", LocalDate.of(2022, 5, 1)));
        }
      } else {
        holdings.add(new Holding(id, "P4", LocalDate.of(2020, 1, 1)));
        holdings.add(new Holding(id, "P5", LocalDate.of(c < 30 ? 2021 : 2024, 6, 1)));
      }
      for (int p = 1; p <= 5; p++) {
        truth.add(new ProductPropensity(id, "P" + p, (c % 2 == 0) == (p <= 3) ? 0.5 : 0.01));
      }
    }
    List<Product> products = List.of(
        new Product("P1", "Salary account", ProductCategory.ACCOUNT, Eligibility.ADULT),
        new Product("P2", "Credit card", ProductCategory.CARD, Eligibility.ADULT),
        new Product("P3", "Mortgage", ProductCategory.MORTGAGE,
            new Eligibility(21, OptionalInt.of(70), 30_000, List.of("P1"), List.of())),
        new Product("P4", "Savings account", ProductCategory.SAVINGS, Eligibility.ADULT),
        new Product("P5", "Fixed-term deposit", ProductCategory.SAVINGS, Eligibility.ADULT));
    BankCsvWriter.write(BankTable.CUSTOMERS, customers, bank);
    BankCsvWriter.write(BankTable.PRODUCTS, products, bank);
    BankCsvWriter.write(BankTable.HOLDINGS, holdings, bank);
    BankCsvWriter.write(BankTable.PRODUCT_PROPENSITY, truth, bank);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void oneCustomerGetsRankedProductsWithReasons() {
    CliRun r = run("recommend", "--data", bank.toString(), "--customer", "C2", "--k", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Customer C2 holds: Salary account, Credit card");
    assertThat(r.out()).containsPattern("1\\s+P3\\s+Mortgage .*because you hold (Salary account|Credit card) \\(similarity 0\\.\\d\\d\\)");
  }

  @Test
  void ineligibleProductIsNotOffered() {
    CliRun r = run("recommend", "--data", bank.toString(), "--customer", "C0", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{\"customer_id\":\"C0\"").contains("\"product_id\":\"P2\"").doesNotContain("\"product_id\":\"P3\"")
        .doesNotContain("\"product_id\":\"P1\"");
  }

  @Test
  void temporalEvaluationPrintsMetricsNextToPopularityAndOracle() {
    CliRun r = run("recommend", "--data", bank.toString(), "--evaluate", "temporal", "--cutoff", "2023-01-01", "--k", "3", "--json", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    for (String key : List.of("map_at_k", "precision_at_k", "recall_at_k", "ndcg_at_k", "coverage")) {
      assertThat(r.out()).contains("\"" + key + "\":", "\"popularity_" + key + "\":", "\"oracle_" + key + "\":");
    }
    assertThat(r.out()).contains("\"customers_evaluated\":30").contains("\"oracle_map_at_k\":1.0");
    var ratio = java.util.regex.Pattern.compile("\"map_over_popularity\":([0-9.]+)").matcher(r.out());
    assertThat(ratio.find()).isTrue();
    assertThat(Double.parseDouble(ratio.group(1))).isGreaterThan(1.3);
  }

  @Test
  void leaveOneOutEvaluationPrintsATable() {
    CliRun r = run("recommend", "--data", bank.toString(), "--evaluate", "loo", "--similarity", "jaccard");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("leave-one-out, seed 42, jaccard similarity").contains("recommender").contains("popularity").contains("oracle");
  }

  @Test
  void allCustomersAreWrittenToCsvWithTimings(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("recs.csv");
    CliRun r = run("recommend", "--data", bank.toString(), "--all", "--out", out.toString(), "--k", "2", "--json", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"fit_seconds\":").contains("\"recommend_seconds\":").contains("\"customers\":60");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("customer_id,rank,product_id,score,reason");
    assertThat(lines).anyMatch(l -> l.startsWith("C2,1,P3,"));
    assertThat(lines.stream().filter(l -> l.startsWith("C0,"))).noneMatch(l -> l.contains(",P3,"));
  }

  @Test
  void badOptionsAreReportedWithoutAStackTrace() {
    CliRun unknown = run("recommend", "--data", bank.toString(), "--customer", "C999");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: customer 'C999' is not in customers.csv");
    CliRun similarity = run("recommend", "--data", bank.toString(), "--customer", "C1", "--similarity", "pearson");
    assertThat(similarity.err()).contains("unknown similarity 'pearson'; valid: cosine, jaccard, conditional, lift");
    CliRun noMode = run("recommend", "--data", bank.toString());
    assertThat(noMode.exit()).isEqualTo(2);
    assertThat(noMode.err()).contains("choose exactly one of");
    CliRun noOut = run("recommend", "--data", bank.toString(), "--all");
    assertThat(noOut.err()).contains("--all needs --out");
  }
}
