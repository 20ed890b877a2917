package dev.bankml.features.view;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.BankTruth;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.PartialRecord;
import dev.bankml.data.io.ReadMode;
import dev.bankml.features.pipeline.Derived;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The loan-application view: one row per loan with the loan's terms, the customer's attributes at
 * the application date, and aggregates of the customer's transactions over the 90, 180 and 365
 * days strictly before the application date (nothing on or after that day is used). Personal data
 * (name, email, phone, city, region) is left out; {@code loan_id} and {@code customer_id} are IDs,
 * {@code defaulted} the TARGET, {@code application_date} and the hidden truth ({@code true_pd})
 * IGNORED, {@code marital_status} PROTECTED (kept for fairness reports, never a model feature by
 * default). Transactions are read in a single pass into primitive arrays.
 *
 * <p>Columns: loan_id, customer_id, application_date, product_id, amount, term_months,
 * interest_rate, grade, purpose, debt_to_income, existing_debt, delinquencies, recent_inquiries,
 * age_at_application, annual_income, employment_status, employment_years, home_ownership,
 * education, marital_status, dependents, credit_score, tenure_months, products_held; per window W
 * in 90d/180d/365d: txn_count_W, spend_W, income_credits_W, net_flow_W, cash_share_W,
 * gambling_share_W, returned_payments_W; then days_since_last_txn, days_since_income (since the last
 * salary, pension, business-income or incoming-transfer credit; missing if none in 365 days),
 * buffer_months_180d (net flow of 180 days in months of income), avg_txn_amount_365d,
 * net_flow_volatility_365d (standard deviation of the twelve 30-day net flows), a spend share per
 * debit category over 365 days (share_groceries_365d, …), defaulted, true_pd.
 *
 * <p>Customer attributes come from the one snapshot the bank tables hold; only age, tenure and
 * products held are recomputed as of the application date.
 *
 * <p>A messy bank loses no row: a blank cell of a loan or customer column is a missing value (NaN,
 * or the missing category), and so is a column derived from it ({@code buffer_months_180d} when the
 * income is blank). A transaction with a blank channel still counts everywhere; {@code cash_share_W}
 * is the cash share of the debits whose cash status is known (a cash withdrawal, or a known channel).
 */
public final class LoanApplicationView {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoanApplicationView.class);

  /** The windows, in days. */
  static final int[] WINDOWS = {90, 180, 365};

  static final List<MerchantCategory> DEBIT_CATEGORIES =
      Arrays.stream(MerchantCategory.values()).filter(c -> c.direction() == Direction.DEBIT).toList();

  private LoanApplicationView() {}

  /** The view of an in-memory bank. */
  public static Table of(Bank bank) {
    return build(PartialColumns.complete(bank.customers(), BankTable.CUSTOMERS), PartialColumns.complete(bank.loans(), BankTable.LOANS),
        bank.holdings(), bank.transactions().stream().map(t -> PartialRecord.complete(t, BankTable.TRANSACTIONS)).iterator(),
        bank.truth());
  }

  /**
   * The view of a bank directory written by {@code bankml generate}, read strictly, streaming the
   * transactions once. Blank cells (a messy bank, {@code --missing-rate}) keep their row and become
   * missing values; a wrong value is a {@link dev.bankml.data.io.CsvFormatException}.
   */
  public static Table read(Path bankDir, ProgressListener progress) {
    return read(bankDir, ReadMode.STRICT, progress);
  }

  /**
   * The view of a bank directory in {@code mode}: strict throws at the first bad row; lenient skips
   * bad rows (and rows referring to skipped customers), logging them. In both modes a blank cell in
   * a column that may be blank ({@link BankTable#mayBeBlank()}) is not a bad row but a missing value.
   */
  public static Table read(Path bankDir, ReadMode mode, ProgressListener progress) {
    BankCsvReader r = BankCsvReader.of(mode);
    List<PartialRecord<Customer>> customers = r.readPartial(BankTable.CUSTOMERS, bankDir.resolve(BankFiles.CUSTOMERS)).records();
    List<PartialRecord<Loan>> loans = r.readPartial(BankTable.LOANS, bankDir.resolve(BankFiles.LOANS)).records();
    if (mode == ReadMode.LENIENT) {
      // a loan whose customer row was skipped cannot be joined: skip it too
      java.util.Set<String> known = new java.util.HashSet<>();
      customers.forEach(c -> known.add(c.record().customerId()));
      int before = loans.size();
      loans = loans.stream().filter(l -> known.contains(l.record().customerId())).toList();
      if (loans.size() < before) {
        LOG.warn("{}: skipped {} loans whose customer row was skipped", bankDir, before - loans.size());
      }
    }
    List<Holding> holdings = r.read(BankTable.HOLDINGS, bankDir.resolve(BankFiles.HOLDINGS)).records();
    Optional<BankTruth> truth = Optional.empty();
    Path pd = bankDir.resolve(BankFiles.LOAN_DEFAULT_PROBABILITY);
    if (Files.isRegularFile(pd)) {
      truth = Optional.of(new BankTruth(r.read(BankTable.LOAN_DEFAULT_PROBABILITY, pd).records(), List.of(), List.of()));
    }
    try (Stream<PartialRecord<Transaction>> ts = PartialColumns.transactions(r, bankDir)) {
      return build(customers, loans, holdings, counted(ts.iterator(), progress, "loan view: transactions"), truth);
    }
  }

  /** The columns of this view that describe the loan itself (its terms, outcome and truth), not the applicant. */
  public static final List<String> LOAN_COLUMNS = List.of("loan_id", "application_date", "product_id", "amount",
      "term_months", "interest_rate", "grade", "purpose", "debt_to_income", "existing_debt", "delinquencies",
      "recent_inquiries", "defaulted", "true_pd");

  /**
   * Every customer of a bank directory as a loan applicant on {@code asOf}: one row per customer
   * with {@code customer_id} and the applicant and behaviour columns of this view ({@code age_at_application},
   * income, …, {@code txn_count_90d}, …, the spend shares), computed by the same code as the
   * training rows (as if each customer applied on {@code asOf}: nothing on or after that day is
   * used), without the loan's own columns ({@link #LOAN_COLUMNS}), which the application supplies.
   */
  public static Table applicantsAsOf(Path bankDir, LocalDate asOf, ProgressListener progress) {
    BankCsvReader r = BankCsvReader.of(ReadMode.STRICT);
    List<PartialRecord<Customer>> customers = r.readPartial(BankTable.CUSTOMERS, bankDir.resolve(BankFiles.CUSTOMERS)).records();
    List<PartialRecord<Loan>> applications = new ArrayList<>(customers.size());
    for (PartialRecord<Customer> c : customers) {
      // a placeholder application: only its customer and date matter, its terms are dropped below
      applications.add(PartialRecord.complete(new Loan("A-" + c.record().customerId(), c.record().customerId(),
          "P00", 1, 12, 0.1, dev.bankml.data.domain.LoanGrade.values()[0],
          dev.bankml.data.domain.LoanPurpose.values()[0], asOf, 0, 0, 0, 0, false), BankTable.LOANS));
    }
    List<Holding> holdings = Files.isRegularFile(bankDir.resolve(BankFiles.HOLDINGS))
        ? r.read(BankTable.HOLDINGS, bankDir.resolve(BankFiles.HOLDINGS)).records() : List.of();
    Table view;
    try (Stream<PartialRecord<Transaction>> ts = PartialColumns.transactions(r, bankDir)) {
      view = build(customers, applications, holdings, counted(ts.iterator(), progress, "applicants: transactions"),
          Optional.empty());
    }
    List<String> keep = view.columnNames().stream().filter(c -> !LOAN_COLUMNS.contains(c)).toList();
    return view.select(keep);
  }

  private static Iterator<PartialRecord<Transaction>> counted(
      Iterator<PartialRecord<Transaction>> it, ProgressListener progress, String task) {
    long[] seen = {0};
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public PartialRecord<Transaction> next() {
        if (++seen[0] % 100_000 == 0) {
          progress.progress(task, seen[0], -1);
        }
        return it.next();
      }
    };
  }

  /**
   * The recommended pipeline for this view: loan-to-income and instalment-to-income (annuity)
   * ratios, then {@link FeaturePipeline#defaultSteps()}.
   */
  public static FeaturePipeline pipeline() {
    return FeaturePipeline.builder()
        .add(Derived.loanToIncome("loan_to_income", "amount", "annual_income"))
        .add(Derived.instalmentToIncome("instalment_to_income", "amount", "interest_rate", "term_months", "annual_income"))
        .addAll(FeaturePipeline.defaultSteps())
        .build();
  }

  static String categoryColumn(MerchantCategory c) {
    return "share_" + c.name().toLowerCase(Locale.ROOT) + "_365d";
  }

  private static Table build(
      List<PartialRecord<Customer>> customerRows, List<PartialRecord<Loan>> loanRows, List<Holding> holdings,
      Iterator<PartialRecord<Transaction>> transactions, Optional<BankTruth> truth) {
    List<Customer> customers = PartialColumns.records(customerRows);
    List<Loan> loans = PartialColumns.records(loanRows);
    Map<String, Integer> customerIndex = new HashMap<>();
    for (int i = 0; i < customers.size(); i++) {
      customerIndex.put(customers.get(i).customerId(), i);
    }
    int n = loans.size();
    int[] loanCustomer = new int[n];
    long[] appDay = new long[n];
    List<List<Integer>> byCustomer = new ArrayList<>();
    customers.forEach(c -> byCustomer.add(new ArrayList<>(1)));
    for (int l = 0; l < n; l++) {
      Loan loan = loans.get(l);
      Integer ci = customerIndex.get(loan.customerId());
      if (ci == null) {
        throw new dev.bankml.data.BankmlException("loan " + loan.loanId() + ": unknown customer_id " + loan.customerId());
      }
      loanCustomer[l] = ci;
      appDay[l] = loan.applicationDate().toEpochDay();
      byCustomer.get(ci).add(l);
    }
    int[][] loansOf = byCustomer.stream().map(x -> x.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);

    int w = WINDOWS.length;
    double[] count = new double[n * w];
    double[] spend = new double[n * w];
    double[] income = new double[n * w];
    double[] credits = new double[n * w];
    double[] cash = new double[n * w];
    // debit spend whose cash status is known: a blank channel leaves it unknown unless the category says cash
    double[] cashBase = new double[n * w];
    double[] gambling = new double[n * w];
    double[] returned = new double[n * w];
    int cats = MerchantCategory.values().length;
    double[] catSpend = new double[n * cats];
    double[] monthly = new double[n * 12];
    long[] lastDay = new long[n];
    Arrays.fill(lastDay, Long.MIN_VALUE);
    long[] lastIncomeDay = new long[n];
    Arrays.fill(lastIncomeDay, Long.MIN_VALUE);

    while (transactions.hasNext()) {
      PartialRecord<Transaction> p = transactions.next();
      Transaction t = p.record();
      Integer ci = customerIndex.get(t.customerId());
      if (ci == null || loansOf[ci].length == 0) {
        continue;
      }
      long day = t.timestamp().toLocalDate().toEpochDay();
      boolean debit = t.direction() == Direction.DEBIT;
      boolean channelKnown = !PartialColumns.isBlank(p, "channel");
      boolean cashWithdrawal = t.category() == MerchantCategory.CASH_WITHDRAWAL;
      boolean isCash = cashWithdrawal || channelKnown && t.channel() == Channel.ATM;
      boolean cashKnown = cashWithdrawal || channelKnown;
      for (int l : loansOf[ci]) {
        long ago = appDay[l] - day;
        // strictly before the application day, and within the longest window
        if (ago < 1 || ago > 365) {
          continue;
        }
        lastDay[l] = Math.max(lastDay[l], day);
        if (!debit && (t.category().isIncome() || t.category() == MerchantCategory.TRANSFER_IN)) {
          lastIncomeDay[l] = Math.max(lastIncomeDay[l], day);
        }
        for (int k = 0; k < w; k++) {
          if (ago > WINDOWS[k]) {
            continue;
          }
          int at = l * w + k;
          count[at]++;
          if (debit) {
            spend[at] += t.amount();
            if (cashKnown) {
              cashBase[at] += t.amount();
            }
            if (isCash) {
              cash[at] += t.amount();
            }
            if (t.category() == MerchantCategory.GAMBLING) {
              gambling[at] += t.amount();
            }
          } else {
            credits[at] += t.amount();
            if (t.category().isIncome()) {
              income[at] += t.amount();
            }
            if (t.category() == MerchantCategory.RETURNED_PAYMENT) {
              returned[at]++;
            }
          }
        }
        if (debit) {
          catSpend[l * cats + t.category().ordinal()] += t.amount();
        }
        int month = (int) Math.min(11, (ago - 1) / 30.42);
        monthly[l * 12 + month] += t.signedAmount();
      }
    }

    ViewBuilder v = new ViewBuilder();
    v.categorical("loan_id", loans.stream().map(Loan::loanId).toArray(String[]::new), ColumnRole.ID);
    v.categorical("customer_id", loans.stream().map(Loan::customerId).toArray(String[]::new), ColumnRole.ID);
    v.date("application_date", appDay.clone(), ColumnRole.IGNORED);
    v.categorical("product_id", loans.stream().map(Loan::productId).toArray(String[]::new));
    v.numeric("amount", PartialColumns.numbers(loanRows, "amount", Loan::amount));
    v.numeric("term_months", PartialColumns.numbers(loanRows, "term_months", Loan::termMonths));
    v.numeric("interest_rate", PartialColumns.numbers(loanRows, "interest_rate", Loan::interestRate));
    v.categorical("grade", PartialColumns.texts(loanRows, "grade", l -> l.grade().name()));
    v.categorical("purpose", PartialColumns.texts(loanRows, "purpose", l -> l.purpose().name()));
    v.numeric("debt_to_income", PartialColumns.numbers(loanRows, "debt_to_income", Loan::debtToIncome));
    v.numeric("existing_debt", PartialColumns.numbers(loanRows, "existing_debt", Loan::existingDebt));
    v.numeric("delinquencies", PartialColumns.numbers(loanRows, "delinquencies", Loan::delinquencies));
    v.numeric("recent_inquiries", PartialColumns.numbers(loanRows, "recent_inquiries", Loan::recentInquiries));

    Map<String, long[]> productsOpened = openedDays(holdings);
    double[] age = new double[n];
    double[] tenure = new double[n];
    double[] products = new double[n];
    for (int l = 0; l < n; l++) {
      Customer c = customers.get(loanCustomer[l]);
      LocalDate app = loans.get(l).applicationDate();
      age[l] = c.ageOn(app);
      tenure[l] = Math.max(0, Period.between(c.customerSince(), app).toTotalMonths());
      long[] opened = productsOpened.getOrDefault(c.customerId(), new long[0]);
      int held = 0;
      for (long d : opened) {
        if (d < appDay[l]) {
          held++;
        }
      }
      products[l] = held;
    }
    v.numeric("age_at_application", age);
    double[] annualIncome = pick(loanCustomer, PartialColumns.numbers(customerRows, "annual_income", Customer::annualIncome));
    v.numeric("annual_income", annualIncome);
    v.categorical("employment_status",
        pick(loanCustomer, PartialColumns.texts(customerRows, "employment_status", c -> c.employmentStatus().name())));
    v.numeric("employment_years", pick(loanCustomer, PartialColumns.numbers(customerRows, "employment_years", Customer::employmentYears)));
    v.categorical("home_ownership",
        pick(loanCustomer, PartialColumns.texts(customerRows, "home_ownership", c -> c.homeOwnership().name())));
    v.categorical("education", pick(loanCustomer, PartialColumns.texts(customerRows, "education", c -> c.education().name())));
    v.categorical("marital_status",
        pick(loanCustomer, PartialColumns.texts(customerRows, "marital_status", c -> c.maritalStatus().name())),
        ColumnRole.PROTECTED);
    v.numeric("dependents", pick(loanCustomer, PartialColumns.numbers(customerRows, "dependents", Customer::dependents)));
    v.numeric("credit_score", pick(loanCustomer, PartialColumns.numbers(customerRows, "credit_score", Customer::creditScore)));
    v.numeric("tenure_months", tenure);
    v.numeric("products_held", products);

    double[] net180 = new double[n];
    for (int k = 0; k < w; k++) {
      String s = "_" + WINDOWS[k] + "d";
      double[] cnt = slice(count, n, w, k);
      double[] sp = slice(spend, n, w, k);
      double[] cr = slice(credits, n, w, k);
      v.numeric("txn_count" + s, cnt);
      v.numeric("spend" + s, sp);
      v.numeric("income_credits" + s, slice(income, n, w, k));
      double[] net = new double[n];
      for (int l = 0; l < n; l++) {
        net[l] = cr[l] - sp[l];
      }
      v.numeric("net_flow" + s, net);
      if (WINDOWS[k] == 180) {
        net180 = net;
      }
      v.numeric("cash_share" + s, share(slice(cash, n, w, k), slice(cashBase, n, w, k)));
      v.numeric("gambling_share" + s, share(slice(gambling, n, w, k), sp));
      v.numeric("returned_payments" + s, slice(returned, n, w, k));
    }
    double[] recency = new double[n];
    double[] incomeRecency = new double[n];
    double[] buffer = new double[n];
    double[] avgAmount = new double[n];
    double[] volatility = new double[n];
    double[] spend365 = slice(spend, n, w, w - 1);
    double[] count365 = slice(count, n, w, w - 1);
    double[] credits365 = slice(credits, n, w, w - 1);
    for (int l = 0; l < n; l++) {
      recency[l] = lastDay[l] == Long.MIN_VALUE ? Double.NaN : appDay[l] - lastDay[l];
      incomeRecency[l] = lastIncomeDay[l] == Long.MIN_VALUE ? Double.NaN : appDay[l] - lastIncomeDay[l];
      buffer[l] = annualIncome[l] > 0 ? net180[l] / (annualIncome[l] / 12) : Double.NaN;
      avgAmount[l] = count365[l] == 0 ? Double.NaN : (spend365[l] + credits365[l]) / count365[l];
      volatility[l] = std(monthly, l * 12, 12);
    }
    v.numeric("days_since_last_txn", recency);
    v.numeric("days_since_income", incomeRecency);
    v.numeric("buffer_months_180d", buffer);
    v.numeric("avg_txn_amount_365d", avgAmount);
    v.numeric("net_flow_volatility_365d", volatility);
    for (MerchantCategory c : DEBIT_CATEGORIES) {
      double[] sh = new double[n];
      for (int l = 0; l < n; l++) {
        sh[l] = spend365[l] == 0 ? 0 : catSpend[l * cats + c.ordinal()] / spend365[l];
      }
      v.numeric(categoryColumn(c), sh);
    }
    v.numeric("defaulted", loans.stream().mapToDouble(l -> l.defaulted() ? 1 : 0).toArray(), ColumnRole.TARGET);
    if (truth.isPresent() && !truth.get().loanDefaultProbabilities().isEmpty()) {
      Map<String, Double> pd = new HashMap<>();
      for (LoanDefaultTruth t : truth.get().loanDefaultProbabilities()) {
        pd.put(t.loanId(), t.truePd());
      }
      v.numeric("true_pd", loans.stream().mapToDouble(l -> pd.getOrDefault(l.loanId(), Double.NaN)).toArray(), ColumnRole.IGNORED);
    }
    return v.build();
  }

  static Map<String, long[]> openedDays(List<Holding> holdings) {
    Map<String, List<Long>> m = new HashMap<>();
    for (Holding h : holdings) {
      m.computeIfAbsent(h.customerId(), k -> new ArrayList<>()).add(h.openedDate().toEpochDay());
    }
    Map<String, long[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).toArray()));
    return out;
  }

  /** The customer's value for each loan. */
  private static double[] pick(int[] loanCustomer, double[] byCustomer) {
    double[] v = new double[loanCustomer.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = byCustomer[loanCustomer[i]];
    }
    return v;
  }

  private static String[] pick(int[] loanCustomer, String[] byCustomer) {
    String[] v = new String[loanCustomer.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = byCustomer[loanCustomer[i]];
    }
    return v;
  }

  private static double[] slice(double[] a, int n, int w, int k) {
    double[] v = new double[n];
    for (int l = 0; l < n; l++) {
      v[l] = a[l * w + k];
    }
    return v;
  }

  static double[] share(double[] part, double[] whole) {
    double[] v = new double[part.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = whole[i] == 0 ? 0 : part[i] / whole[i];
    }
    return v;
  }

  private static double std(double[] a, int from, int len) {
    double m = 0;
    for (int i = 0; i < len; i++) {
      m += a[from + i];
    }
    m /= len;
    double ss = 0;
    for (int i = 0; i < len; i++) {
      ss += (a[from + i] - m) * (a[from + i] - m);
    }
    return Math.sqrt(ss / len);
  }
}
