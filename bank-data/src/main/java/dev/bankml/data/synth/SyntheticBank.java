package dev.bankml.data.synth;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.BankTruth;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.TableWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Each customer is simulated from its own random stream, so memory stays bounded when writing
 * files: one customer's records are held at a time. Identities come from one seeded datafaker
 * {@code Faker} in customer order. The intercept of the default model is solved on the first
 * (up to) 5,000 customers so the mean true probability of default equals the target.
 */
public final class SyntheticBank {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticBank.class);
  private static final int CALIBRATION_CUSTOMERS = 5_000;
  private static final int PROGRESS_EVERY = 1_000;

  private final int customers;
  private final long seed;
  private final LocalDate start;
  private final LocalDate end;
  private final double defaultRate;
  private final double missingRate;
  private final double outlierRate;
  private final double typoRate;
  private final Map<Persona, Double> personaMix;

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
    long loanNumber = 1;
    for (int i = 0; i < customers; i++) {
      SimulatedCustomer s = sim.simulate(i, identities.next(i), loanNumber);
      loanNumber += s.loans().size();
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
   * streaming, with bounded memory. Reports progress per 1,000 customers as task "generate".
   */
  public GenerationSummary generate(Path dir, ProgressListener progress) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    CustomerSimulator sim = simulator();
    Identity.Source identities = new Identity.Source(seed);
    Mess mess = new Mess(seed, missingRate, outlierRate, typoRate);
    long loanNumber = 1;
    long nTransactions = 0;
    long nHoldings = 0;
    long nDefaults = 0;
    double sumPd = 0;
    progress.progress("generate", 0, customers);
    try (TableWriter<Customer> cw = TableWriter.openIn(BankTable.CUSTOMERS, dir);
        TableWriter<Loan> lw = TableWriter.openIn(BankTable.LOANS, dir);
        TableWriter<Transaction> tw = TableWriter.openIn(BankTable.TRANSACTIONS, dir);
        TableWriter<Holding> hw = TableWriter.openIn(BankTable.HOLDINGS, dir);
        TableWriter<LoanDefaultTruth> pw = TableWriter.openIn(BankTable.LOAN_DEFAULT_PROBABILITY, dir);
        TableWriter<CustomerPersona> personaW = TableWriter.openIn(BankTable.CUSTOMER_PERSONA, dir);
        TableWriter<ProductPropensity> propW = TableWriter.openIn(BankTable.PRODUCT_PROPENSITY, dir)) {
      try (TableWriter<dev.bankml.data.domain.Product> productW = TableWriter.openIn(BankTable.PRODUCTS, dir)) {
        ProductCatalogue.standard().forEach(productW::write);
      }
      for (int i = 0; i < customers; i++) {
        SimulatedCustomer s = sim.simulate(i, identities.next(i), loanNumber);
        loanNumber += s.loans().size();
        cw.writeCells(mess.apply(BankTable.CUSTOMERS, BankTable.CUSTOMERS.format(s.customer())));
        for (Transaction t : s.transactions()) {
          tw.writeCells(mess.apply(BankTable.TRANSACTIONS, BankTable.TRANSACTIONS.format(t)));
        }
        nTransactions += s.transactions().size();
        for (Loan l : s.loans()) {
          lw.writeCells(mess.apply(BankTable.LOANS, BankTable.LOANS.format(l)));
          nDefaults += l.defaulted() ? 1 : 0;
        }
        s.holdings().forEach(hw::write);
        nHoldings += s.holdings().size();
        for (LoanDefaultTruth t : s.loanTruth()) {
          pw.write(t);
          sumPd += t.truePd();
        }
        personaW.write(new CustomerPersona(s.customer().customerId(), s.persona()));
        s.propensities().forEach(propW::write);
        if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == customers) {
          progress.progress("generate", i + 1, customers);
        }
      }
    }
    long nLoans = loanNumber - 1;
    double seconds = (System.nanoTime() - t0) / 1e9;
    GenerationSummary summary = new GenerationSummary(customers, nLoans, nTransactions, nHoldings,
        nLoans == 0 ? 0 : (double) nDefaults / nLoans, nLoans == 0 ? 0 : sumPd / nLoans, seconds);
    LOG.debug("generated {} into {}", summary, dir);
    return summary;
  }

  private CustomerSimulator simulator() {
    Persona[] personas = Persona.values();
    double[] mix = new double[personas.length];
    for (int i = 0; i < personas.length; i++) {
      mix[i] = personaMix.getOrDefault(personas[i], 0.0);
    }
    // calibrate the default model's intercept on the bank's own first customers
    CustomerSimulator pilot = new CustomerSimulator(seed, start, end, mix, 0);
    int n = Math.min(customers, CALIBRATION_CUSTOMERS);
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (double s : pilot.simulate(i, Identity.NONE, 1).loanScores()) {
        scores.add(s);
      }
    }
    double intercept = DefaultModel.intercept(scores.stream().mapToDouble(Double::doubleValue).toArray(), defaultRate);
    LOG.debug("default model intercept {} from {} loans", intercept, scores.size());
    return new CustomerSimulator(seed, start, end, mix, intercept);
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

    private Builder() {}

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
