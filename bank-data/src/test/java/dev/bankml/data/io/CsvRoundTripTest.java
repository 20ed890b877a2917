package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.synth.SyntheticBank;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
  private static Bank bank;

  @TempDir Path tmp;

  @BeforeAll
  static void generate() {
    bank = SyntheticBank.builder().customers(200).seed(3).build().generate();
  }

  @Test
  void everyTableRoundTripsToEqualRecords() {
    BankCsvWriter.writeBank(bank, tmp);
    Bank read = BankCsvReader.strict().readBank(tmp);
    assertThat(read.customers()).isEqualTo(bank.customers());
    assertThat(read.loans()).isEqualTo(bank.loans());
    assertThat(read.transactions()).isEqualTo(bank.transactions());
    assertThat(read.products()).isEqualTo(bank.products());
    assertThat(read.holdings()).isEqualTo(bank.holdings());
    assertThat(read.truth()).isEqualTo(bank.truth());
    assertThat(read).isEqualTo(bank);
  }

  @Test
  void streamedGenerationWritesTheSameRecordsAsInMemoryGeneration() {
    SyntheticBank.builder().customers(200).seed(3).build().generate(tmp, ProgressListener.NONE);
    assertThat(BankCsvReader.strict().readBank(tmp)).isEqualTo(bank);
  }

  @Test
  void transactionsStreamLazilyInFileOrder() {
    BankCsvWriter.write(BankTable.TRANSACTIONS, bank.transactions(), tmp);
    try (Stream<Transaction> ts = BankCsvReader.strict().transactions(tmp.resolve(BankFiles.TRANSACTIONS))) {
      List<Transaction> first = ts.limit(10).toList();
      assertThat(first).isEqualTo(bank.transactions().subList(0, 10));
    }
  }

  @Test
  void aBankWithoutTruthReadsWithEmptyTruth() {
    Bank noTruth = new Bank(bank.customers(), bank.loans(), List.of(), bank.products(), bank.holdings(),
        java.util.Optional.empty());
    BankCsvWriter.writeBank(noTruth, tmp);
    assertThat(BankCsvReader.strict().readBank(tmp).truth()).isEmpty();
  }

  @Test
  void messyFilesReadLenientlyWithMisspeltCategoriesNormalised() {
    SyntheticBank.builder().customers(200).seed(3).missingRate(0.05).typoRate(0.2).build()
        .generate(tmp, ProgressListener.NONE);
    BankRead read = BankCsvReader.lenient().readBankWithReport(tmp);
    assertThat(read.skipped()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.problem()).containsAnyOf("missing value", "refers to a row that was skipped"));
    assertThat(read.skipped()).anySatisfy(s -> assertThat(s.file()).endsWith(BankFiles.LOANS));
    // misspellings alone never lose a row: rows without a blank cell come back equal to the clean ones
    assertThat(bank.transactions()).containsAll(read.bank().transactions().subList(0, 100));
    assertThat(read.bank().customers().size() + read.skipped().stream()
        .filter(s -> s.file().endsWith(BankFiles.CUSTOMERS)).count()).isEqualTo(200);
  }
}
