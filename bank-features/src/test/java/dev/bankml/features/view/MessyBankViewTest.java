package dev.bankml.features.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.CsvFormatException;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bank written with missing values is read whole by the views: every row kept, every blank cell missing. */
class MessyBankViewTest {
  private static final ProgressListener QUIET = ProgressListener.NONE;

  @TempDir static Path root;
  private static Path clean;
  private static Path messy;
  private static List<CSVRecord> loanRows;
  private static Map<String, CSVRecord> customerRows;

  @BeforeAll
  static void generate() throws IOException {
    clean = root.resolve("clean");
    messy = root.resolve("messy");
    SyntheticBank.builder().customers(250).seed(11).build().generate(clean, QUIET);
    SyntheticBank.builder().customers(250).seed(11).missingRate(0.05).build().generate(messy, QUIET);
    loanRows = rows(messy.resolve(BankFiles.LOANS));
    customerRows = new HashMap<>();
    rows(messy.resolve(BankFiles.CUSTOMERS)).forEach(r -> customerRows.put(r.get("customer_id"), r));
  }

  private static List<CSVRecord> rows(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }

  @Test
  void theLoanViewKeepsEveryLoanAndEveryBlankCellIsMissing() {
    Table v = LoanApplicationView.read(messy, QUIET);
    assertThat(v.rows()).isEqualTo(loanRows.size());
    int blanks = 0;
    for (int i = 0; i < v.rows(); i++) {
      CSVRecord loan = loanRows.get(i);
      assertThat(v.categorical("loan_id").level(i)).contains(loan.get("loan_id"));
      for (String c : List.of("purpose", "debt_to_income", "existing_debt", "recent_inquiries")) {
        boolean blank = loan.get(c).isEmpty();
        blanks += blank ? 1 : 0;
        assertThat(v.column(c).isMissing(i)).as("loan %d %s", i, c).isEqualTo(blank);
      }
      CSVRecord customer = customerRows.get(loan.get("customer_id"));
      for (String c : List.of("annual_income", "employment_years", "education", "credit_score")) {
        assertThat(v.column(c).isMissing(i)).as("loan %d customer %s", i, c).isEqualTo(customer.get(c).isEmpty());
      }
      // a derived column is missing when its input is
      if (customer.get("annual_income").isEmpty()) {
        assertThat(v.numeric("buffer_months_180d").isMissing(i)).isTrue();
      }
    }
    assertThat(blanks).as("the messy loans have blank cells").isPositive();
  }

  @Test
  void whereNothingIsBlankTheMessyLoanViewEqualsTheCleanOne() {
    Table m = LoanApplicationView.read(messy, QUIET);
    Table c = LoanApplicationView.read(clean, QUIET);
    assertThat(m.columnNames()).isEqualTo(c.columnNames());
    int compared = 0;
    for (String name : c.columnNames()) {
      if (name.startsWith("cash_share")) {
        continue; // taken over the debits whose channel is known, so it may differ
      }
      for (int i = 0; i < c.rows(); i++) {
        if (!m.column(name).isMissing(i)) {
          assertThat(m.column(name).value(i)).as("%s row %d", name, i).isEqualTo(c.column(name).value(i));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(c.rows() * c.columnNames().size() * 9 / 10);
  }

  @Test
  void theCustomerViewKeepsEveryCustomerWithBlankIncomeAndScoreMissing() {
    Table v = CustomerBehaviourView.read(messy, QUIET);
    assertThat(v.rows()).isEqualTo(customerRows.size()).isEqualTo(250);
    int blanks = 0;
    for (int i = 0; i < v.rows(); i++) {
      CSVRecord customer = customerRows.get(v.categorical("customer_id").level(i).orElseThrow());
      for (String c : List.of("annual_income", "credit_score")) {
        boolean blank = customer.get(c).isEmpty();
        blanks += blank ? 1 : 0;
        assertThat(v.numeric(c).isMissing(i)).as("customer %d %s", i, c).isEqualTo(blank);
      }
      if (v.numeric("frequency_365d").get(i) > 0) {
        double channels = 0;
        for (String c : v.columnNames()) {
          if (c.startsWith("channel_")) {
            channels += v.numeric(c).get(i);
          }
        }
        assertThat(channels).as("channel shares over the known channels").isCloseTo(1.0, within(1e-9));
      }
    }
    assertThat(blanks).isPositive();
  }

  @Test
  void theDefaultPipelineImputesTheMissingCellsAway() {
    Table v = LoanApplicationView.read(messy, QUIET);
    FeatureMatrix x = LoanApplicationView.pipeline().fit(v).transform(v);
    assertThat(x.rows()).isEqualTo(loanRows.size());
    for (int r = 0; r < x.rows(); r++) {
      for (double d : x.row(r)) {
        assertThat(Double.isFinite(d)).isTrue();
      }
    }
  }

  @Test
  void aCleanBankReadFromFilesEqualsTheInMemoryView() {
    var bank = SyntheticBank.builder().customers(250).seed(11).build().generate();
    assertSameTable(LoanApplicationView.read(clean, QUIET), LoanApplicationView.of(bank));
    assertSameTable(CustomerBehaviourView.read(clean, QUIET), CustomerBehaviourView.of(bank));
  }

  @Test
  void aWrongValueInAMessyBankIsStillATypedErrorNamingTheCell(@TempDir Path dir) throws IOException {
    SyntheticBank.builder().customers(40).seed(2).missingRate(0.05).build().generate(dir, QUIET);
    Path customers = dir.resolve(BankFiles.CUSTOMERS);
    List<String> lines = Files.readAllLines(customers);
    String[] cells = lines.get(3).split(",", -1);
    int score = List.of(lines.get(0).split(",")).indexOf("credit_score");
    cells[score] = "eight hundred";
    lines.set(3, String.join(",", cells));
    Files.write(customers, lines);
    CsvFormatException e = catchThrowableOfType(() -> LoanApplicationView.read(dir, QUIET), CsvFormatException.class);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("credit_score");
    assertThat(e.value()).isEqualTo("eight hundred");
    assertThat(e.getMessage()).contains("customers.csv");
  }

  private static void assertSameTable(Table actual, Table expected) {
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rows()).isEqualTo(expected.rows());
    for (String name : expected.columnNames()) {
      Column a = actual.column(name);
      Column e = expected.column(name);
      if (e instanceof NumericColumn n) {
        assertThat(((NumericColumn) a).values()).as(name).isEqualTo(n.values());
      } else if (e instanceof CategoricalColumn) {
        for (int i = 0; i < e.size(); i++) {
          assertThat(a.value(i)).as(name).isEqualTo(e.value(i));
        }
      }
    }
    assertThat(actual.roles()).isEqualTo(expected.roles());
    assertThat(Set.copyOf(actual.columnNames())).hasSameSizeAs(expected.columnNames());
  }
}
