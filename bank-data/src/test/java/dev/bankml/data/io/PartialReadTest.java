package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.synth.SyntheticBank;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialReadTest {
  private static final String LOAN_HEADER = String.join(",", BankTable.LOANS.columns());
  private static final String GOOD_LOAN = "L00000001,C0000001,P08,5000.00,36,0.0950,C,CAR,2024-08-01,0.3100,1200.00,0,1,false";

  @TempDir Path tmp;

  private Path loans(String... rows) throws IOException {
    Path f = tmp.resolve("loans.csv");
    Files.writeString(f, LOAN_HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aBlankCellInAColumnThatMayBeBlankKeepsTheRowAndIsMarked() throws IOException {
    Path f = loans(GOOD_LOAN, GOOD_LOAN.replace("L00000001", "L00000002").replace(",CAR,", ",,").replace(",0.3100,", ", ,"));
    List<PartialRecord<Loan>> read = BankCsvReader.strict().readPartial(BankTable.LOANS, f).records();
    assertThat(read).hasSize(2);
    assertThat(read.get(0).hasBlanks()).isFalse();
    assertThat(read.get(1).blankColumns()).containsExactly("purpose", "debt_to_income");
    assertThat(read.get(1).isBlank("amount")).isFalse();
    assertThat(read.get(1).record().amount()).isEqualTo(5000.0);
    assertThat(read.get(1).record().loanId()).isEqualTo("L00000002");
  }

  @Test
  void aWrongValueInAColumnThatMayBeBlankIsStillATypedError() throws IOException {
    Path f = loans(GOOD_LOAN, GOOD_LOAN.replace(",0.3100,", ",abc,"));
    CsvFormatException e = catchThrowableOfType(
        () -> BankCsvReader.strict().readPartial(BankTable.LOANS, f), CsvFormatException.class);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("debt_to_income");
    assertThat(e.value()).isEqualTo("abc");
    assertThat(e.getMessage()).contains("loans.csv", "line 3", "'debt_to_income'", "'abc'", "not a number");
  }

  @Test
  void aBlankKeyOrLabelIsStillATypedError() throws IOException {
    Path f = loans(GOOD_LOAN.replace(",false", ","));
    CsvFormatException e = catchThrowableOfType(
        () -> BankCsvReader.strict().readPartial(BankTable.LOANS, f), CsvFormatException.class);
    assertThat(e.column()).isEqualTo("defaulted");
    assertThat(e.problem()).contains("missing value");
  }

  @Test
  void leniencyStillSkipsWrongValuesButKeepsBlanks() throws IOException {
    Path f = loans(GOOD_LOAN.replace(",CAR,", ",,"), GOOD_LOAN.replace("L00000001", "L00000002").replace(",CAR,", ",SPACESHIP,"));
    CsvRead<PartialRecord<Loan>> read = BankCsvReader.lenient().readPartial(BankTable.LOANS, f);
    assertThat(read.records()).extracting(r -> r.record().loanId()).containsExactly("L00000001");
    assertThat(read.skipped()).extracting(SkippedRow::value).containsExactly("SPACESHIP");
  }

  @Test
  void noTableLetsItsKeysDatesOrLabelBeBlank() {
    for (BankTable<?> t : List.of(BankTable.CUSTOMERS, BankTable.LOANS, BankTable.TRANSACTIONS, BankTable.PRODUCTS,
        BankTable.HOLDINGS, BankTable.LOAN_DEFAULT_PROBABILITY, BankTable.CUSTOMER_PERSONA, BankTable.PRODUCT_PROPENSITY)) {
      assertThat(t.mayBeBlank()).doesNotContain("customer_id", "loan_id", "product_id", "birth_date",
          "customer_since", "application_date", "timestamp", "defaulted", "amount_direction", "direction", "category");
    }
    assertThat(BankTable.TRANSACTIONS.mayBeBlank()).containsExactly("channel");
  }

  @Test
  void aBankWrittenWithMissingValuesReadsWholeAndEveryBlankCellIsMarked() throws IOException {
    Bank clean = SyntheticBank.builder().customers(150).seed(5).build().generate();
    SyntheticBank.builder().customers(150).seed(5).missingRate(0.05).build().generate(tmp, ProgressListener.NONE);
    int blanks = 0;
    blanks += checkAgainstClean(BankTable.CUSTOMERS, clean.customers());
    blanks += checkAgainstClean(BankTable.LOANS, clean.loans());
    blanks += checkAgainstClean(BankTable.TRANSACTIONS, clean.transactions());
    assertThat(blanks).as("the messy bank has blank cells").isGreaterThan(50);
  }

  @Test
  void messyCategoriesAndOutliersReadWithoutLosingARow() {
    SyntheticBank.builder().customers(150).seed(6).missingRate(0.05).typoRate(0.2).outlierRate(0.05).build()
        .generate(tmp, ProgressListener.NONE);
    assertThat(BankCsvReader.strict().readPartial(BankTable.CUSTOMERS, tmp.resolve(BankFiles.CUSTOMERS)).records())
        .hasSize(150);
    try (Stream<PartialRecord<Transaction>> ts = BankCsvReader.strict()
        .streamPartial(BankTable.TRANSACTIONS, tmp.resolve(BankFiles.TRANSACTIONS), s -> {
          throw new AssertionError(s.toString());
        })) {
      assertThat(ts.filter(PartialRecord::hasBlanks).count()).isPositive();
    }
  }

  /** Each row read partially agrees cell by cell with the clean record, and is blank exactly where the file is. */
  private <T> int checkAgainstClean(BankTable<T> table, List<T> clean) throws IOException {
    List<PartialRecord<T>> read = BankCsvReader.strict().readPartial(table, tmp.resolve(table.fileName())).records();
    assertThat(read).hasSize(clean.size());
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(tmp.resolve(table.fileName()))) {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    int blanks = 0;
    for (int i = 0; i < read.size(); i++) {
      String[] want = table.format(clean.get(i));
      String[] got = table.format(read.get(i).record());
      for (int c = 0; c < want.length; c++) {
        String column = table.columns().get(c);
        boolean blankInFile = rows.get(i).get(column).isEmpty();
        assertThat(read.get(i).isBlank(column)).as("%s row %d %s", table, i, column).isEqualTo(blankInFile);
        if (blankInFile) {
          blanks++;
        } else {
          assertThat(got[c]).as("%s row %d %s", table, i, column).isEqualTo(want[c]);
        }
      }
    }
    return blanks;
  }

}
