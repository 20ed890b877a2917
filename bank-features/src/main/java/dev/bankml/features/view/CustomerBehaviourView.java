package dev.bankml.features.view;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.PartialRecord;
import dev.bankml.data.io.ReadMode;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The customer-behaviour view for segmentation: one row per customer as of a date, from the
 * transactions of the 365 days strictly before it. Columns: customer_id (ID), age, annual_income,
 * credit_score, tenure_months, products_held, recency_days (days since the last transaction,
 * missing when none), frequency_365d (transactions), monetary_365d (debit spend),
 * income_credits_365d, a spend share per debit category (share_groceries, …), a transaction share
 * per channel (channel_card, …), and persona (the hidden truth, IGNORED) when known. Personal data
 * is left out. Transactions are read in a single pass into primitive arrays.
 *
 * <p>A messy bank loses no row: a blank income or credit score is NaN, and a transaction with a blank
 * channel counts in the totals but not in the channel shares, which are taken over the transactions
 * whose channel is known.
 */
public final class CustomerBehaviourView {
  private CustomerBehaviourView() {}

  /** The view of an in-memory bank as of the day after its latest transaction. */
  public static Table of(Bank bank) {
    LocalDate last = bank.transactions().stream().map(t -> t.timestamp().toLocalDate()).max(LocalDate::compareTo)
        .orElse(LocalDate.now());
    return of(bank, last.plusDays(1));
  }

  /** The view of an in-memory bank as of {@code asOf} (transactions on or after it are not used). */
  public static Table of(Bank bank, LocalDate asOf) {
    Map<String, String> persona = new HashMap<>();
    bank.truth().ifPresent(t -> t.personas().forEach(p -> persona.put(p.customerId(), p.persona().name())));
    return build(PartialColumns.complete(bank.customers(), BankTable.CUSTOMERS), bank.holdings(),
        bank.transactions().stream().map(t -> PartialRecord.complete(t, BankTable.TRANSACTIONS)).iterator(), persona, asOf);
  }

  /** The view of a bank directory as of the day after its latest transaction (one extra pass finds it). */
  public static Table read(Path bankDir, ProgressListener progress) {
    return read(bankDir, ReadMode.STRICT, progress);
  }

  /**
   * Like {@link #read(Path, ProgressListener)}; lenient {@code mode} skips bad rows. In both modes a
   * blank cell in a column that may be blank is a missing value, not a bad row.
   */
  public static Table read(Path bankDir, ReadMode mode, ProgressListener progress) {
    LocalDate last;
    try (Stream<PartialRecord<Transaction>> ts = PartialColumns.transactions(BankCsvReader.of(mode), bankDir)) {
      last = ts.map(t -> t.record().timestamp().toLocalDate()).max(LocalDate::compareTo).orElse(LocalDate.now());
    }
    return read(bankDir, last.plusDays(1), mode, progress);
  }

  /** The view of a bank directory as of {@code asOf}, streaming the transactions once. */
  public static Table read(Path bankDir, LocalDate asOf, ReadMode mode, ProgressListener progress) {
    BankCsvReader r = BankCsvReader.of(mode);
    List<PartialRecord<Customer>> customers = r.readPartial(BankTable.CUSTOMERS, bankDir.resolve(BankFiles.CUSTOMERS)).records();
    List<Holding> holdings = r.read(BankTable.HOLDINGS, bankDir.resolve(BankFiles.HOLDINGS)).records();
    Map<String, String> persona = new HashMap<>();
    Path p = bankDir.resolve(BankFiles.CUSTOMER_PERSONA);
    if (Files.isRegularFile(p)) {
      for (CustomerPersona cp : r.read(BankTable.CUSTOMER_PERSONA, p).records()) {
        persona.put(cp.customerId(), cp.persona().name());
      }
    }
    try (Stream<PartialRecord<Transaction>> ts = PartialColumns.transactions(r, bankDir)) {
      long[] seen = {0};
      Iterator<PartialRecord<Transaction>> it = ts.peek(t -> {
        if (++seen[0] % 100_000 == 0) {
          progress.progress("customer view: transactions", seen[0], -1);
        }
      }).iterator();
      return build(customers, holdings, it, persona, asOf);
    }
  }

  private static Table build(
      List<PartialRecord<Customer>> customerRows, List<Holding> holdings, Iterator<PartialRecord<Transaction>> transactions,
      Map<String, String> persona, LocalDate asOf) {
    List<Customer> customers = PartialColumns.records(customerRows);
    int n = customers.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(customers.get(i).customerId(), i);
    }
    long asOfDay = asOf.toEpochDay();
    int cats = MerchantCategory.values().length;
    int chans = Channel.values().length;
    double[] count = new double[n];
    double[] spend = new double[n];
    double[] income = new double[n];
    double[] catSpend = new double[n * cats];
    double[] chanCount = new double[n * chans];
    double[] chanKnown = new double[n];
    long[] lastDay = new long[n];
    java.util.Arrays.fill(lastDay, Long.MIN_VALUE);
    while (transactions.hasNext()) {
      PartialRecord<Transaction> p = transactions.next();
      Transaction t = p.record();
      Integer ci = index.get(t.customerId());
      if (ci == null) {
        continue;
      }
      long ago = asOfDay - t.timestamp().toLocalDate().toEpochDay();
      if (ago < 1 || ago > 365) {
        continue;
      }
      lastDay[ci] = Math.max(lastDay[ci], asOfDay - ago);
      count[ci]++;
      if (!PartialColumns.isBlank(p, "channel")) {
        chanKnown[ci]++;
        chanCount[ci * chans + t.channel().ordinal()]++;
      }
      if (t.direction() == Direction.DEBIT) {
        spend[ci] += t.amount();
        catSpend[ci * cats + t.category().ordinal()] += t.amount();
      } else if (t.category().isIncome()) {
        income[ci] += t.amount();
      }
    }
    Map<String, long[]> opened = LoanApplicationView.openedDays(holdings);
    double[] age = new double[n];
    double[] tenure = new double[n];
    double[] products = new double[n];
    double[] recency = new double[n];
    for (int i = 0; i < n; i++) {
      Customer c = customers.get(i);
      age[i] = c.ageOn(asOf);
      tenure[i] = Math.max(0, Period.between(c.customerSince(), asOf).toTotalMonths());
      int held = 0;
      for (long d : opened.getOrDefault(c.customerId(), new long[0])) {
        if (d < asOfDay) {
          held++;
        }
      }
      products[i] = held;
      recency[i] = lastDay[i] == Long.MIN_VALUE ? Double.NaN : asOfDay - lastDay[i];
    }
    ViewBuilder v = new ViewBuilder();
    v.categorical("customer_id", customers.stream().map(Customer::customerId).toArray(String[]::new), ColumnRole.ID);
    v.numeric("age", age);
    v.numeric("annual_income", PartialColumns.numbers(customerRows, "annual_income", Customer::annualIncome));
    v.numeric("credit_score", PartialColumns.numbers(customerRows, "credit_score", Customer::creditScore));
    v.numeric("tenure_months", tenure);
    v.numeric("products_held", products);
    v.numeric("recency_days", recency);
    v.numeric("frequency_365d", count);
    v.numeric("monetary_365d", spend);
    v.numeric("income_credits_365d", income);
    for (MerchantCategory c : LoanApplicationView.DEBIT_CATEGORIES) {
      double[] sh = new double[n];
      for (int i = 0; i < n; i++) {
        sh[i] = spend[i] == 0 ? 0 : catSpend[i * cats + c.ordinal()] / spend[i];
      }
      v.numeric("share_" + c.name().toLowerCase(Locale.ROOT), sh);
    }
    for (Channel ch : Channel.values()) {
      double[] sh = new double[n];
      for (int i = 0; i < n; i++) {
        sh[i] = chanKnown[i] == 0 ? 0 : chanCount[i * chans + ch.ordinal()] / chanKnown[i];
      }
      v.numeric("channel_" + ch.name().toLowerCase(Locale.ROOT), sh);
    }
    if (!persona.isEmpty()) {
      v.categorical("persona", customers.stream().map(c -> persona.getOrDefault(c.customerId(), "")).toArray(String[]::new),
          ColumnRole.IGNORED);
    }
    return v.build();
  }
}
