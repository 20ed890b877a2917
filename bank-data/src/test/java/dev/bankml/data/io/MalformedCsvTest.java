package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedCsvTest {
  private static final String LOAN_HEADER = String.join(",", BankTable.LOANS.columns());
  private static final String GOOD_LOAN = "L00000001,C0000001,P08,5000.00,36,0.0950,C,CAR,2024-08-01,0.3100,1200.00,0,1,false";

  @TempDir Path tmp;

  private Path file(String content) throws IOException {
    Path f = tmp.resolve("loans.csv");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private CsvFormatException strictFailure(String content) throws IOException {
    Path f = file(content);
    return (CsvFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> BankCsvReader.strict().read(BankTable.LOANS, f));
  }

  @Test
  void aGoodFileReads() throws IOException {
    Path f = file(LOAN_HEADER + "\n" + GOOD_LOAN + "\n");
    assertThat(BankCsvReader.strict().read(BankTable.LOANS, f).records()).extracting(Loan::amount).containsExactly(5000.0);
  }

  @Test
  void badNumberNamesFileLineColumnAndValue() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN + "\n" + GOOD_LOAN.replace("5000.00", "50O0.00") + "\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("amount");
    assertThat(e.getMessage()).contains("loans.csv", "line 3", "'amount'", "not a number");
  }



  static Stream<Arguments> badValues() {
    return Stream.of(
        arguments("a decimal comma", ",0.3100,", ",\"0,31\",", "debt_to_income", "0,31",
            List.of("'.' as the decimal separator")),
        arguments("a date in another format", "2024-08-01", "01/08/2024", "application_date", "01/08/2024",
            List.of("line 2", "yyyy-MM-dd")),
        arguments("an unknown category", ",CAR,", ",SPACESHIP,", "purpose", "SPACESHIP",
            List.of("DEBT_CONSOLIDATION", "HOME_IMPROVEMENT")));
  }

  @ParameterizedTest(name = "{0} is refused naming its column, its value and what is valid")
  @MethodSource("badValues")
  void aBadValueNamesItsColumnItsValueAndWhatIsValid(
      String what, String good, String bad, String column, String value, List<String> hints) throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN.replace(good, bad) + "\n");
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.value()).isEqualTo(value);
    assertThat(e.getMessage()).contains(hints);
  }

  @Test
  void impossibleDateIsABadDate() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN.replace("2024-08-01", "2024-02-30") + "\n");
    assertThat(e.column()).isEqualTo("application_date");
  }

  @Test
  void wrongColumnCountNamesTheLine() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN + ",extra\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("wrong number of columns", "found 15", "expected 14");
  }

  @Test
  void missingColumnIsNamed() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER.replace(",defaulted", "") + "\n");
    assertThat(e.column()).isEqualTo("defaulted");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("missing column");
  }

  @Test
  void missingColumnThrowsEvenWhenLenient() throws IOException {
    Path f = file(LOAN_HEADER.replace("loan_id,", "") + "\n");
    assertThatThrownBy(() -> BankCsvReader.lenient().read(BankTable.LOANS, f))
        .isInstanceOf(CsvFormatException.class).hasMessageContaining("'loan_id'");
  }

  @Test
  void emptyFileSaysWhatHeaderIsExpected() throws IOException {
    CsvFormatException e = strictFailure("");
    assertThat(e.getMessage()).contains("empty file", "loan_id,customer_id");
    assertThat(e).isInstanceOf(BankmlException.class);
  }


  @Test
  void inconsistentSpellingsOfACategoryAreTheSameValue() throws IOException {
    Path f = file(LOAN_HEADER + "\n" + GOOD_LOAN.replace(",CAR,", ",\" home-improvement \",") + "\n"
        + GOOD_LOAN.replace(",CAR,", ",Debt consolidation,") + "\n");
    assertThat(BankCsvReader.strict().read(BankTable.LOANS, f).records()).extracting(l -> l.purpose().name())
        .containsExactly("HOME_IMPROVEMENT", "DEBT_CONSOLIDATION");
  }

  @Test
  void badBooleanIsRefused() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN.replace(",false", ",maybe") + "\n");
    assertThat(e.column()).isEqualTo("defaulted");
    assertThat(e.getMessage()).contains("true or false");
  }

  @Test
  void aValueBreakingADomainRuleNamesTheLine() throws IOException {
    CsvFormatException e = strictFailure(LOAN_HEADER + "\n" + GOOD_LOAN.replace(",5000.00,", ",-5.00,") + "\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("amount", "-5.0");
  }

  @Test
  void lenientModeSkipsBadRowsAndReportsWhich() throws IOException {
    Path f = file(LOAN_HEADER + "\n" + GOOD_LOAN + "\n" + GOOD_LOAN.replace("5000.00", "abc") + "\n"
        + GOOD_LOAN.replace("L00000001", "L00000002") + "\n" + GOOD_LOAN + ",x\n");
    CsvRead<Loan> read = BankCsvReader.lenient().read(BankTable.LOANS, f);
    assertThat(read.records()).extracting(Loan::loanId).containsExactly("L00000001", "L00000002");
    assertThat(read.skipped()).extracting(SkippedRow::line).containsExactly(3L, 5L);
    assertThat(read.skipped().get(0).column()).isEqualTo("amount");
  }

  @Test
  void missingFileIsATypedError() {
    assertThatThrownBy(() -> BankCsvReader.strict().read(BankTable.HOLDINGS, tmp.resolve("nope.csv")))
        .isInstanceOf(BankmlException.class).hasMessageContaining("file not found");
  }

  @Test
  void notUtf8IsATypedError() throws IOException {
    Path f = tmp.resolve("holdings.csv");
    Files.write(f, new byte[] {'c', 'u', 's', 't', 'o', 'm', 'e', 'r', '_', 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> BankCsvReader.strict().read(BankTable.HOLDINGS, f))
        .isInstanceOf(CsvFormatException.class);
  }

  @Test
  void aByteOrderMarkIsTolerated() throws IOException {
    Path f = tmp.resolve("holdings.csv");
    Files.writeString(f, "\uFEFFcustomer_id,product_id,opened_date\nC1,P01,2024-01-02\n", StandardCharsets.UTF_8);
    assertThat(BankCsvReader.strict().read(BankTable.HOLDINGS, f).records())
        .containsExactly(new Holding("C1", "P01", java.time.LocalDate.of(2024, 1, 2)));
  }

  @Test
  void aBankDirectoryWithADanglingReferenceIsRefused() throws IOException {
    BankCsvWriter.write(BankTable.CUSTOMERS, java.util.List.of(), tmp);
    BankCsvWriter.write(BankTable.TRANSACTIONS, java.util.List.of(), tmp);
    BankCsvWriter.write(BankTable.PRODUCTS, dev.bankml.data.synth.ProductCatalogue.standard(), tmp);
    BankCsvWriter.write(BankTable.HOLDINGS, java.util.List.of(), tmp);
    file(LOAN_HEADER + "\n" + GOOD_LOAN + "\n");
    assertThatThrownBy(() -> BankCsvReader.strict().readBank(tmp))
        .isInstanceOf(BankmlException.class).hasMessageContaining("unknown customer_id C0000001");
  }
}
