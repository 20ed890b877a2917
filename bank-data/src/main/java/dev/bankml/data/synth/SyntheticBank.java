package dev.bankml.data.synth;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.BankTruth;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.TableWriter;
import dev.bankml.data.io.CsvText;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded synthetic bank with its hidden truth. The same settings give byte-identical files.
 *
 * <pre>{@code
 * Bank small = SyntheticBank.builder().customers(2_000).seed(7).build().generate();
 * GenerationSummary s = SyntheticBank.builder().customers(100_000).seed(1).build()
 *     .generate(Path.of("/tmp/bank"), ProgressListener.NONE);
 * }</pre>
 *
 * <p>Each customer is simulated from its own random stream, seeded from the bank's seed and the
 * customer's index (identities and mess included), so any range of customers can be generated on its
 * own — on another thread or another machine — and gives the same rows. Memory stays bounded when
 * writing files: a few blocks of customers are held at a time. The intercept of the default model is
 * solved on the first (up to) 5,000 customers so the mean true probability of default equals the
 * target. The settings are {@link Serializable} so that a distributed job can ship them.
 */
public final class SyntheticBank implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticBank.class);
  private static final int CALIBRATION_CUSTOMERS = 5_000;
  private static final int BLOCK = 500;
  private static final ThreadLocal<Identity.Source> IDENTITIES = new ThreadLocal<>();
  private static final CsvText.PlainCells[][] TRANSACTION_ENDS = transactionEnds();

  private final int customers;
  private final long seed;
  private final LocalDate start;
  private final LocalDate end;
  private final double defaultRate;
  private final double missingRate;
  private final double outlierRate;
  private final double typoRate;
  private final Map<Persona, Double> personaMix;
  private final int threads;
  /** The default model's intercept once calibrated, else NaN. */
  private final double intercept;

  private SyntheticBank(SyntheticBank b, double intercept) {
    this.customers = b.customers;
    this.seed = b.seed;
    this.start = b.start;
    this.end = b.end;
    this.defaultRate = b.defaultRate;
    this.missingRate = b.missingRate;
    this.outlierRate = b.outlierRate;
    this.typoRate = b.typoRate;
    this.personaMix = new EnumMap<>(b.personaMix);
    this.threads = b.threads;
    this.intercept = intercept;
  }

  private SyntheticBank(Builder b) {
    this.customers = b.customers;
    this.seed = b.seed;
    this.start = b.start;
    this.end = b.end;
    this.defaultRate = b.defaultRate;
    this.missingRate = b.missingRate;
    this.outlierRate = b.outlierRate;
    this.typoRate = b.typoRate;
    this.personaMix = new EnumMap<>(b.personaMix);
    this.threads = b.threads;
    this.intercept = Double.NaN;
  }

  /** A builder with the defaults: 1,000 customers, seed 1, the year 2024, 10 % default rate, no mess. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default persona mix. */
  public static Map<Persona, Double> defaultPersonaMix() {
    Map<Persona, Double> m = new EnumMap<>(Persona.class);
    m.put(Persona.STUDENT, 0.15);
    m.put(Persona.YOUNG_PROFESSIONAL, 0.20);
    m.put(Persona.FAMILY, 0.22);
    m.put(Persona.AFFLUENT, 0.10);
    m.put(Persona.RETIREE, 0.18);
    m.put(Persona.SMALL_BUSINESS, 0.15);
    return m;
  }

  /**
   * Generates the whole bank in memory, truth included. Meant for tests and small banks; the mess
   * rates apply to written files only, so records here are always clean.
   */
  public Bank generate() {
    CustomerSimulator sim = simulator();
    Identity.Source identities = new Identity.Source(seed);
    List<Customer> cs = new ArrayList<>();
    List<Loan> loans = new ArrayList<>();
    List<Transaction> ts = new ArrayList<>();
    List<Holding> hs = new ArrayList<>();
    List<LoanDefaultTruth> pds = new ArrayList<>();
    List<CustomerPersona> personas = new ArrayList<>();
    List<ProductPropensity> props = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      SimulatedCustomer s = sim.simulate(i, identities.of(i), true);
      cs.add(s.customer());
      loans.addAll(s.loans());
      ts.addAll(s.transactions());
      hs.addAll(s.holdings());
      pds.addAll(s.loanTruth());
      personas.add(new CustomerPersona(s.customer().customerId(), s.persona()));
      props.addAll(s.propensities());
    }
    return new Bank(cs, loans, ts, ProductCatalogue.standard(), hs,
        Optional.of(new BankTruth(pds, personas, props)));
  }

  /**
   * Generates the bank into {@code dir} (created if needed) as the CSV files of a bank directory,
   * on {@link Builder#threads} threads, with bounded memory: blocks of customers are simulated and
   * rendered in parallel and written in customer order, so the files are the same whatever the
   * number of threads. Reports progress per block of customers as task "generate".
   */
  public GenerationSummary generate(Path dir, ProgressListener progress) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    progress.progress("generate", 0, customers);
    SyntheticBank calibrated = calibrated();
    ThreadLocal<Identity.Source> identities = ThreadLocal.withInitial(() -> new Identity.Source(seed));
    CustomerSimulator sim = calibrated.simulator();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bankml-generate");
      t.setDaemon(true);
      return t;
    });
    long nTransactions = 0;
    long nHoldings = 0;
    long nLoans = 0;
    long nDefaults = 0;
    double sumPd = 0;
    Map<BankTable<?>, TableWriter<?>> writers = new LinkedHashMap<>();
    try {
      try (TableWriter<dev.bankml.data.domain.Product> productW = TableWriter.openIn(BankTable.PRODUCTS, dir)) {
        ProductCatalogue.standard().forEach(productW::write);
      }
      for (BankTable<?> t : CsvBlock.TABLES) {
        writers.put(t, TableWriter.openLargeIn(t, dir));
      }
      Deque<Future<CsvBlock>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < customers || !inFlight.isEmpty()) {
        while (next < customers && inFlight.size() < 2 * threads + 1) {
          int from = next;
          int to = Math.min(customers, from + BLOCK);
          inFlight.add(pool.submit(() -> calibrated.render(sim, identities.get(), from, to)));
          next = to;
        }
        CsvBlock b = await(inFlight.poll());
        for (BankTable<?> t : CsvBlock.TABLES) {
          writers.get(t).write(b.csv(t));
        }
        nTransactions += b.rows(BankTable.TRANSACTIONS);
        nHoldings += b.rows(BankTable.HOLDINGS);
        nLoans += b.rows(BankTable.LOANS);
        nDefaults += b.defaults();
        sumPd += b.sumTruePd();
        progress.progress("generate", b.to(), customers);
      }
    } finally {
      pool.shutdownNow();
      closeAll(writers.values());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    GenerationSummary summary = new GenerationSummary(customers, nLoans, nTransactions, nHoldings,
        nLoans == 0 ? 0 : (double) nDefaults / nLoans, nLoans == 0 ? 0 : sumPd / nLoans, seconds);
    LOG.debug("generated {} into {} on {} threads", summary, dir, threads);
    return summary;
  }

  /**
   * This bank with its default model calibrated: the intercept that meets the default-rate target is
   * solved once (on up to the first 5,000 customers) and kept, so that {@link #render} can be called
   * for many blocks, on many machines, without solving it again.
   */
  public SyntheticBank calibrated() {
    if (!Double.isNaN(intercept)) {
      return this;
    }
    return new SyntheticBank(this, solveIntercept());
  }

  /**
   * The rows of customers {@code from} (inclusive, 0-based) to {@code to} (exclusive) in every table
   * but the catalogue, exactly as {@link #generate(Path, ProgressListener)} writes them. Call it on a
   * {@link #calibrated()} bank; on another it calibrates first, every time. Thread-safe.
   */
  public CsvBlock render(int from, int to) {
    if (from < 0 || to > customers || from > to) {
      throw new BankmlException("customers " + from + " to " + to + " are not within the bank's " + customers);
    }
    Identity.Source identities = IDENTITIES.get();
    if (identities == null || identities.seed() != seed) {
      identities = new Identity.Source(seed); // building one costs milliseconds: keep it per thread
      IDENTITIES.set(identities);
    }
    return render(simulator(), identities, from, to);
  }

  /** The number of customers. */
  public int customers() {
    return customers;
  }

  private CsvBlock render(CustomerSimulator sim, Identity.Source identities, int from, int to) {
    CsvBlock b = new CsvBlock(from, to);
    CsvText customersCsv = b.csv(BankTable.CUSTOMERS);
    CsvText transactionsCsv = b.csv(BankTable.TRANSACTIONS);
    CsvText loansCsv = b.csv(BankTable.LOANS);
    CsvText holdingsCsv = b.csv(BankTable.HOLDINGS);
    CsvText pdCsv = b.csv(BankTable.LOAN_DEFAULT_PROBABILITY);
    CsvText personaCsv = b.csv(BankTable.CUSTOMER_PERSONA);
    CsvText propensityCsv = b.csv(BankTable.PRODUCT_PROPENSITY);
    Mess mess = new Mess(missingRate, outlierRate, typoRate);
    for (int i = from; i < to; i++) {
      SimulatedCustomer s = sim.simulate(i, identities.of(i), true);
      CsvText.PlainCells id = CsvText.PlainCells.of(s.customer().customerId());
      if (mess.isOff()) {
        customersCsv.writeCells(BankTable.CUSTOMERS.format(s.customer()));
        writeTransactions(transactionsCsv, id, s.transactionLog());
        for (Loan l : s.loans()) {
          loansCsv.writeCells(BankTable.LOANS.format(l));
        }
      } else {
        Draw d = Mess.drawFor(seed, i);
        customersCsv.writeCells(mess.apply(d, BankTable.CUSTOMERS, BankTable.CUSTOMERS.format(s.customer())));
        for (Transaction t : s.transactions()) {
          transactionsCsv.writeCells(mess.apply(d, BankTable.TRANSACTIONS, BankTable.TRANSACTIONS.format(t)));
        }
        for (Loan l : s.loans()) {
          loansCsv.writeCells(mess.apply(d, BankTable.LOANS, BankTable.LOANS.format(l)));
        }
      }
      for (Holding h : s.holdings()) {
        holdingsCsv.cells(id).cell(h.productId()).date(h.openedDate().toEpochDay()).endRow();
      }
      for (int k = 0; k < s.loanTruth().size(); k++) {
        LoanDefaultTruth t = s.loanTruth().get(k);
        pdCsv.cell(t.loanId()).decimal(t.truePd(), 6).endRow();
        b.countLoan(s.loans().get(k).defaulted(), t.truePd());
      }
      personaCsv.cells(id).cell(s.persona().name()).endRow();
      for (ProductPropensity p : s.propensities()) {
        propensityCsv.cells(id).cell(p.productId()).decimal(p.propensity(), 6).endRow();
      }
    }
    return b;
  }

  /** The rows of one customer's clean transactions, cell by cell: no record, timestamp or string per row. */
  private static void writeTransactions(CsvText csv, CsvText.PlainCells id, TransactionLog log) {
    for (int k = 0; k < log.size(); k++) {
      csv.timedAmountRow(id, log.second(k), log.cents(k), 2, TRANSACTION_ENDS[log.categoryIndex(k)][log.channelIndex(k)]);
    }
  }

  /** The last cells of a transaction row (direction, category, channel) by category and channel. */
  private static CsvText.PlainCells[][] transactionEnds() {
    MerchantCategory[] categories = MerchantCategory.values();
    Channel[] channels = Channel.values();
    CsvText.PlainCells[][] ends = new CsvText.PlainCells[categories.length][channels.length];
    for (MerchantCategory c : categories) {
      for (Channel ch : channels) {
        ends[c.ordinal()][ch.ordinal()] = CsvText.PlainCells.of(c.direction().name(), c.name(), ch.name());
      }
    }
    return ends;
  }

  private static CsvBlock await(Future<CsvBlock> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankmlException("generation was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void closeAll(Iterable<TableWriter<?>> writers) {
    RuntimeException first = null;
    for (TableWriter<?> w : writers) {
      try {
        w.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  CustomerSimulator simulatorForBench() {
    return simulator();
  }

  private CustomerSimulator simulator() {
    double b = Double.isNaN(intercept) ? solveIntercept() : intercept;
    return new CustomerSimulator(seed, start, end, mix(), b);
  }

  private double[] mix() {
    Persona[] personas = Persona.values();
    double[] mix = new double[personas.length];
    for (int i = 0; i < personas.length; i++) {
      mix[i] = personaMix.getOrDefault(personas[i], 0.0);
    }
    return mix;
  }

  /** The default model's intercept, calibrated on the bank's own first customers (in parallel, in order). */
  private double solveIntercept() {
    CustomerSimulator pilot = new CustomerSimulator(seed, start, end, mix(), 0);
    int n = Math.min(customers, CALIBRATION_CUSTOMERS);
    double[] scores = IntStream.range(0, n).parallel()
        .mapToObj(i -> pilot.simulate(i, Identity.NONE, false).loanScores())
        .flatMapToDouble(java.util.Arrays::stream)
        .toArray();
    double b = DefaultModel.intercept(scores, defaultRate);
    LOG.debug("default model intercept {} from {} loans", b, scores.length);
    return b;
  }

  /** Settings of a synthetic bank; every setter checks its value. */
  public static final class Builder {
    private int customers = 1_000;
    private long seed = 1;
    private LocalDate start = LocalDate.of(2024, 1, 1);
    private LocalDate end = LocalDate.of(2024, 12, 31);
    private double defaultRate = 0.10;
    private double missingRate;
    private double outlierRate;
    private double typoRate;
    private Map<Persona, Double> personaMix = defaultPersonaMix();
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** Threads that simulate and render customers when writing files, at least 1 (default: all cores). */
    public Builder threads(int n) {
      if (n < 1) {
        throw new BankmlException("threads is " + n + "; must be at least 1");
      }
      this.threads = n;
      return this;
    }

    /** The number of customers, 1 to 9,999,999. */
    public Builder customers(int n) {
      if (n < 1 || n > 9_999_999) {
        throw new BankmlException("customers is " + n + "; must be between 1 and 9999999");
      }
      this.customers = n;
      return this;
    }

    /** The seed of every random draw. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The first and last day of transactions (inclusive); at least 60 days, at most 10 years. */
    public Builder dateRange(LocalDate start, LocalDate end) {
      if (start == null || end == null) {
        throw new BankmlException("the date range needs a start and an end date");
      }
      long days = ChronoUnit.DAYS.between(start, end);
      if (days < 60 || days > 3660) {
        throw new BankmlException("date range " + start + " to " + end + " spans " + days
            + " days; it must span 60 days to 10 years, start before end");
      }
      this.start = start;
      this.end = end;
      return this;
    }

    /** The target mean default rate, in (0.005, 0.5]. */
    public Builder defaultRate(double rate) {
      if (!(rate > 0.005 && rate <= 0.5)) {
        throw new BankmlException("default rate is " + rate + "; must be above 0.005 and at most 0.5");
      }
      this.defaultRate = rate;
      return this;
    }

    /** Share of eligible cells left blank in written files, in [0, 0.5]. */
    public Builder missingRate(double rate) {
      this.missingRate = rate(rate, "missing rate");
      return this;
    }

    /** Share of eligible numeric cells multiplied by 10 to 100 in written files, in [0, 0.5]. */
    public Builder outlierRate(double rate) {
      this.outlierRate = rate(rate, "outlier rate");
      return this;
    }

    /** Share of category cells spelt inconsistently in written files, in [0, 0.5]. */
    public Builder typoRate(double rate) {
      this.typoRate = rate(rate, "typo rate");
      return this;
    }

    /** Relative weights of the personas; missing personas get weight 0, at least one must be positive. */
    public Builder personaMix(Map<Persona, Double> mix) {
      if (mix == null || mix.values().stream().anyMatch(w -> w == null || !(w >= 0))
          || mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
        throw new BankmlException("persona mix " + mix + " is invalid; weights must be >= 0 with a positive sum, "
            + "personas are " + Arrays.toString(Persona.values()));
      }
      this.personaMix = new EnumMap<>(mix);
      return this;
    }

    private static double rate(double r, String what) {
      if (!(r >= 0 && r <= 0.5)) {
        throw new BankmlException(what + " is " + r + "; must be between 0 and 0.5");
      }
      return r;
    }

    /** The configured bank. */
    public SyntheticBank build() {
      return new SyntheticBank(this);
    }
  }
}
