package dev.bankml.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is refused on the driver, with a message naming file and column, before any Spark job runs. */
class DriverChecksTest {
  private static final AtomicInteger JOBS = new AtomicInteger();
  private static boolean listening;
  private final SparkTestBank t = SparkTestBank.get();

  @BeforeEach
  void countJobs() {
    synchronized (DriverChecksTest.class) {
      if (!listening) {
        t.spark.sparkContext().addSparkListener(new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart jobStart) {
            JOBS.incrementAndGet();
          }
        });
        listening = true;
      }
    }
  }

  /** A copy of the test bank whose customers.csv is {@code customers}. */
  private Path bankWithCustomers(String name, List<String> customers) throws IOException {
    Path dir = t.out(name);
    try (Stream<Path> files = Files.list(t.bank)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.write(dir.resolve("customers.csv"), customers);
    return dir;
  }

  private List<String> customers() throws IOException {
    return Files.readAllLines(t.bank.resolve("customers.csv"));
  }

  private void assertRefusedBeforeAnyJob(String bank, String... messageParts) {
    int before = JOBS.get();
    assertThatThrownBy(() -> NightlyJob.run(new String[] {"score", "--bank", bank, "--model", t.loanModel.toString(),
        "--out", t.out("refused").toString()}, t.spark))
        .isInstanceOf(BankInputException.class)
        .isInstanceOf(BankmlException.class)
        .hasMessageContainingAll(messageParts);
    assertThat(JOBS.get()).as("Spark jobs started").isEqualTo(before);
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    List<String> rows = customers().stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.toList());
    Path bank = bankWithCustomers("missing", rows);
    assertRefusedBeforeAnyJob(bank.toString(), "customers.csv", "line 1", "customer_since");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithItsLine() throws IOException {
    List<String> rows = customers();
    String[] cells = rows.get(3).split(",", -1);
    cells[14] = "excellent"; // credit_score
    rows.set(3, String.join(",", cells));
    Path bank = bankWithCustomers("type", rows);
    assertRefusedBeforeAnyJob(bank.toString(), "customers.csv", "line 4", "credit_score", "'excellent'", "whole number");
  }

  @Test
  void anUnreadableTableIsRefused() throws IOException {
    Path bank = bankWithCustomers("unreadable", customers());
    Files.delete(bank.resolve("customers.csv"));
    Files.createDirectories(bank.resolve("customers.parquet"));
    Files.writeString(bank.resolve("customers.parquet").resolve("part-00000.parquet"), "not parquet at all");
    assertRefusedBeforeAnyJob(bank.toString(), "customers.parquet");
  }

  @Test
  void aMissingTableOrDirectoryIsRefused() throws IOException {
    assertRefusedBeforeAnyJob(t.dir.resolve("no-such-bank").toString(), "no-such-bank", "does not exist");
    Path bank = bankWithCustomers("no-loans", customers());
    Files.delete(bank.resolve("loans.csv"));
    assertRefusedBeforeAnyJob(bank.toString(), "loans.csv");
  }

  @Test
  void aModelWhoseColumnsTheDataLacksIsRefused() {
    int before = JOBS.get();
    var spark = t.spark;
    var empty = spark.range(3).toDF("loan_id");
    assertThatThrownBy(() -> ScoreJob.score(spark, empty, new byte[0],
        dev.bankml.models.loan.LoanDefaultModel.load(t.loanModel), "loan_id"))
        .isInstanceOf(BankInputException.class)
        .hasMessageContaining("lack column(s)");
    assertThat(JOBS.get()).isEqualTo(before);
  }
}
