package dev.bankml.data.synth;

import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.CsvText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a consecutive range of customers of a synthetic bank, rendered as the CSV text that
 * {@link SyntheticBank#generate(java.nio.file.Path, dev.bankml.data.ProgressListener)} writes for
 * each table (mess included, no header). Concatenating the blocks of 0..n in order gives the bytes
 * of the files after their header, whoever rendered each block.
 */
public final class CsvBlock {
  /** The tables a block holds rows of, in the order written: every table but the fixed catalogue. */
  public static final List<BankTable<?>> TABLES = List.of(BankTable.CUSTOMERS, BankTable.LOANS,
      BankTable.TRANSACTIONS, BankTable.HOLDINGS, BankTable.LOAN_DEFAULT_PROBABILITY, BankTable.CUSTOMER_PERSONA,
      BankTable.PRODUCT_PROPENSITY);

  private int from;
  private int to;
  private final Map<BankTable<?>, CsvText> texts = new LinkedHashMap<>();
  private long defaults;
  private double sumTruePd;

  CsvBlock(int from, int to) {
    this.from = from;
    this.to = to;
    int n = to - from;
    for (BankTable<?> t : TABLES) {
      texts.put(t, new CsvText(t == BankTable.TRANSACTIONS ? n * 18_000 : t == BankTable.PRODUCT_PROPENSITY ? n * 500 : n * 150));
    }
  }

  /** Empties this block to hold the rows of customers {@code from} to {@code to}, keeping the memory of its texts. */
  void reuseFor(int from, int to) {
    this.from = from;
    this.to = to;
    texts.values().forEach(CsvText::clear);
    defaults = 0;
    sumTruePd = 0;
  }

  void countLoan(boolean defaulted, double truePd) {
    defaults += defaulted ? 1 : 0;
    sumTruePd += truePd;
  }

  /** The index of the first customer (0-based). */
  public int from() {
    return from;
  }

  /** The index after the last customer. */
  public int to() {
    return to;
  }

  /** The rows of {@code table}, each ended by '\n'; empty when there are none. */
  public String text(BankTable<?> table) {
    return csv(table).toString();
  }

  /** The number of rows of {@code table}. */
  public long rows(BankTable<?> table) {
    return csv(table).rows();
  }

  /** The number of loans with {@code defaulted = true}. */
  public long defaults() {
    return defaults;
  }

  /** The sum of the loans' true probabilities of default. */
  public double sumTruePd() {
    return sumTruePd;
  }

  CsvText csv(BankTable<?> table) {
    CsvText t = texts.get(table);
    if (t == null) {
      throw new IllegalArgumentException(table + " is not rendered in blocks; the tables are " + TABLES);
    }
    return t;
  }
}
