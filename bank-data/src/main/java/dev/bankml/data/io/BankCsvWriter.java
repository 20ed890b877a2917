package dev.bankml.data.io;

import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.BankTruth;
import java.nio.file.Path;
import java.util.List;

/** Writes a whole in-memory {@link Bank} as a bank directory; for streaming use {@link TableWriter}. */
public final class BankCsvWriter {
  private BankCsvWriter() {}

  /** Writes the five tables and, when present, the truth files into {@code dir} (created if needed). */
  public static void writeBank(Bank bank, Path dir) {
    write(BankTable.CUSTOMERS, bank.customers(), dir);
    write(BankTable.LOANS, bank.loans(), dir);
    write(BankTable.TRANSACTIONS, bank.transactions(), dir);
    write(BankTable.PRODUCTS, bank.products(), dir);
    write(BankTable.HOLDINGS, bank.holdings(), dir);
    if (bank.truth().isPresent()) {
      BankTruth t = bank.truth().get();
      write(BankTable.LOAN_DEFAULT_PROBABILITY, t.loanDefaultProbabilities(), dir);
      write(BankTable.CUSTOMER_PERSONA, t.personas(), dir);
      write(BankTable.PRODUCT_PROPENSITY, t.propensities(), dir);
    }
  }

  /** Writes {@code records} as the table's file inside {@code dir}. */
  public static <T> void write(BankTable<T> table, List<T> records, Path dir) {
    try (TableWriter<T> w = TableWriter.openIn(table, dir)) {
      records.forEach(w::write);
    }
  }
}
