package dev.bankml.data.synth;

import static dev.bankml.data.synth.ProductCatalogue.*;

import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Education;
import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.LoanGrade;
import dev.bankml.data.domain.LoanPurpose;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Simulates one customer from its own random stream: attributes, a year of transactions, loans, holdings. */
final class CustomerSimulator {
  private static final Persona[] PERSONAS = Persona.values();
  private static final List<Product> PRODUCTS = ProductCatalogue.standard();
  private static final double[] GRADE_RATE = {0.055, 0.075, 0.095, 0.12, 0.15, 0.185, 0.22};
  private static final double PRE_RANGE_DAMPING = 0.08;

  private final long seed;
  private final LocalDate start;
  private final LocalDate end;
  private final double[] personaMix;
  private final double intercept;

  CustomerSimulator(long seed, LocalDate start, LocalDate end, double[] personaMix, double intercept) {
    this.seed = seed;
    this.start = start;
    this.end = end;
    this.personaMix = personaMix;
    this.intercept = intercept;
  }

  static String customerId(int index) {
    return "C" + pad(index + 1, 7);
  }

  /** The {@code ordinal}-th (0-based, below 10) loan of customer {@code index}: "L", the customer's number, the ordinal. */
  static String loanId(int index, int ordinal) {
    return "L" + pad(index + 1, 7) + (ordinal + 1);
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /**
   * Customer {@code index}, from its own random stream: the result depends only on the seed, the
   * settings and the index. Without {@code holdings} the simulation stops after the loans (enough
   * to calibrate the default model) and holdings and propensities are empty.
   */
  SimulatedCustomer simulate(int index, Identity identity, boolean holdings) {
    Draw d = Draw.forItem(seed, 1, index);
    Persona persona = PERSONAS[d.categorical(personaMix)];
    PersonaProfile pp = PersonaProfile.of(persona);
    double stress = d.gaussian() + pp.stressOffset();

    int age = d.integer(pp.minAge(), pp.maxAge());
    LocalDate birth = start.minusYears(age).minusDays(d.integer(0, 364));
    EmploymentStatus employment = PersonaProfile.EMPLOYMENT[d.categorical(pp.employment())];
    double income = employment == EmploymentStatus.UNEMPLOYED
        ? d.logNormal(9_000, 0.2) : d.logNormal(pp.incomeMedian(), pp.incomeSigma());
    income = cents(income);
    int employmentYears = employment == EmploymentStatus.EMPLOYED || employment == EmploymentStatus.SELF_EMPLOYED
        ? d.integer(0, Math.max(0, Math.min(age - 18, 35))) : 0;
    HomeOwnership home = PersonaProfile.HOME[d.categorical(pp.home())];
    MaritalStatus marital = PersonaProfile.MARITAL[d.categorical(pp.marital())];
    Education education = education(persona, d);
    int dependents = pp.maxDependents() == 0 ? 0
        : persona == Persona.FAMILY ? d.integer(1, pp.maxDependents()) : d.integer(0, pp.maxDependents());
    int creditScore = (int) Math.round(690 + pp.scoreOffset() + 55 * d.gaussian() - 40 * stress);
    creditScore = Math.max(300, Math.min(850, creditScore));
    LocalDate since = start.minusDays(Math.round(d.uniform(pp.minTenureYears(), pp.maxTenureYears()) * 365));
    if (since.isBefore(birth.plusYears(16))) {
      since = birth.plusYears(16);
    }
    String id = customerId(index);
    Customer customer = new Customer(id, identity.name(), identity.email(), identity.phone(), identity.city(),
        identity.region(), birth, income, employment, employmentYears, home, education, marital, dependents,
        creditScore, since);

    Behaviour b = behaviour(pp, stress, employment, d);
    List<Transaction> transactions = transactions(id, customer, home, b, d);

    List<Loan> loans = new ArrayList<>();
    List<LoanDefaultTruth> truth = new ArrayList<>();
    int nLoans = d.chance(pp.loanProbability()) ? (d.chance(0.25) ? 2 : 1) : 0;
    double[] scores = new double[nLoans];
    for (int k = 0; k < nLoans; k++) {
      String loanId = loanId(index, k);
      scores[k] = loan(loanId, customer, persona, stress, transactions, d, loans, truth);
    }

    List<Holding> held = new ArrayList<>();
    List<ProductPropensity> propensities = new ArrayList<>();
    if (holdings) {
      holdings(customer, persona, d, held, propensities);
    }
    return new SimulatedCustomer(customer, persona, transactions, loans, truth, scores, held, propensities);
  }

  private static Education education(Persona persona, Draw d) {
    double[] w = switch (persona) {
      case STUDENT -> new double[] {0.6, 0.2, 0.2, 0, 0};
      case YOUNG_PROFESSIONAL -> new double[] {0.05, 0.15, 0.55, 0.23, 0.02};
      case AFFLUENT -> new double[] {0.03, 0.07, 0.4, 0.38, 0.12};
      case RETIREE -> new double[] {0.45, 0.3, 0.17, 0.07, 0.01};
      default -> new double[] {0.25, 0.3, 0.3, 0.13, 0.02};
    };
    return Education.values()[d.categorical(w)];
  }

  /** The customer's hidden habits. */
  private record Behaviour(
      double savingsRate,
      double gamblingShare,
      int jobLossMonth,
      double returnedRate,
      double activity,
      double[] cumulativeSpending,
      double[] channels,
      boolean incomeFromTransfers,
      boolean business,
      boolean pension,
      PersonaProfile profile) {}

  private Behaviour behaviour(PersonaProfile pp, double stress, EmploymentStatus employment, Draw d) {
    double savings = clamp(0.12 - 0.09 * stress + pp.savingsOffset() + 0.04 * d.gaussian(), -0.25, 0.5);
    double gambling = d.chance(0.07 + (stress > 0.5 ? 0.10 : 0)) ? d.uniform(0.03, 0.3) : 0;
    boolean earns = employment == EmploymentStatus.EMPLOYED || employment == EmploymentStatus.SELF_EMPLOYED;
    int jobLoss = earns && d.chance(0.04 + (stress > 1 ? 0.10 : 0)) ? d.integer(3, 11) : Integer.MAX_VALUE;
    double returned = 0.02 + 0.35 * Math.max(0, stress - 0.8);
    double[] spending = d.dirichlet(pp.spending(), 150);
    double[] weights = new double[spending.length + 1];
    System.arraycopy(spending, 0, weights, 0, spending.length);
    weights[spending.length] = gambling <= 0 ? 0 : gambling / (1 - gambling);
    double[] channels = d.dirichlet(pp.channels(), 80);
    return new Behaviour(savings, gambling, jobLoss, returned, d.logNormal(1, 0.15), Draw.cumulative(weights),
        channels, employment == EmploymentStatus.STUDENT || employment == EmploymentStatus.UNEMPLOYED,
        employment == EmploymentStatus.SELF_EMPLOYED, employment == EmploymentStatus.RETIRED, pp);
  }

  private List<Transaction> transactions(String id, Customer c, HomeOwnership home, Behaviour b, Draw d) {
    List<Transaction> out = new ArrayList<>(260);
    double net = b.incomeFromTransfers() ? c.annualIncome() / 12 : c.annualIncome() / 12 * 0.75;
    double housing = switch (home) {
      case RENT -> 0.28 * net;
      case MORTGAGE -> 0.25 * net;
      default -> 0;
    };
    double utilities = 0.03 * net;
    int month = 0;
    for (YearMonth ym = YearMonth.from(start); !ym.atDay(1).isAfter(end); ym = ym.plusMonths(1), month++) {
      LocalDate from = ym.atDay(1).isBefore(start) ? start : ym.atDay(1);
      LocalDate to = ym.atEndOfMonth().isAfter(end) ? end : ym.atEndOfMonth();
      boolean earning = month < b.jobLossMonth();
      int monthStart = out.size();
      // income
      if (b.business()) {
        if (earning) {
          int k = d.integer(2, 4);
          for (int i = 0; i < k; i++) {
            add(out, id, day(from, to, d), net / k * d.logNormal(1, 0.3), MerchantCategory.BUSINESS_INCOME, Channel.ONLINE, d);
          }
        }
      } else if (b.pension()) {
        add(out, id, at(ym, d.integer(1, 3), from, to), net * (1 + 0.005 * d.gaussian()), MerchantCategory.PENSION, Channel.ONLINE, d);
      } else if (b.incomeFromTransfers()) {
        add(out, id, at(ym, d.integer(1, 5), from, to), net * (1 + 0.05 * d.gaussian()), MerchantCategory.TRANSFER_IN, Channel.ONLINE, d);
      } else if (earning) {
        add(out, id, at(ym, d.integer(25, 28), from, to), net * (1 + 0.01 * d.gaussian()), MerchantCategory.SALARY, Channel.ONLINE, d);
      }
      // fixed costs by direct debit
      if (housing > 0) {
        add(out, id, at(ym, 1, from, to), housing, home == HomeOwnership.RENT ? MerchantCategory.RENT
            : MerchantCategory.MORTGAGE_PAYMENT, Channel.DIRECT_DEBIT, d);
      }
      add(out, id, at(ym, 5, from, to), utilities * d.logNormal(1, 0.15), MerchantCategory.UTILITIES, Channel.DIRECT_DEBIT, d);
      add(out, id, at(ym, 15, from, to), utilities * d.logNormal(1, 0.15), MerchantCategory.UTILITIES, Channel.DIRECT_DEBIT, d);
      int returned = d.poisson(b.returnedRate() * (earning ? 1 : 3));
      for (int i = 0; i < returned; i++) {
        add(out, id, day(from, to, d), utilities * d.logNormal(1, 0.3), MerchantCategory.RETURNED_PAYMENT, Channel.DIRECT_DEBIT, d);
      }
      // discretionary spending, scaled to what the budget allows
      double budget = Math.max(0.12 * net, net * (1 - b.savingsRate()) - housing - 2 * utilities)
          * (earning ? 1 : 0.75) * d.logNormal(1, 0.1);
      int n = Math.max(1, d.poisson(b.profile().monthlyPurchases() * b.activity()));
      MerchantCategory[] cats = new MerchantCategory[n];
      double[] raw = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        int k = d.fromCumulative(b.cumulativeSpending());
        cats[i] = k < PersonaProfile.SPENDING.length ? PersonaProfile.SPENDING[k] : MerchantCategory.GAMBLING;
        raw[i] = (k < PersonaProfile.TICKET.length ? PersonaProfile.TICKET[k] : 1.0) * d.logNormal(1, 0.35);
        total += raw[i];
      }
      for (int i = 0; i < n; i++) {
        add(out, id, day(from, to, d), budget * raw[i] / total, cats[i], channel(cats[i], b, d), d);
      }
      sortByTime(out, monthStart);
    }
    return out;
  }

  /**
   * Sorts {@code out} from index {@code from} on by timestamp, stably. Months do not overlap, so
   * sorting each month's transactions as it ends orders the whole year.
   */
  private static void sortByTime(List<Transaction> out, int from) {
    int n = out.size() - from;
    if (n < 2) {
      return;
    }
    long[] keys = new long[n]; // seconds since the epoch, then position: unique keys, so the order is stable
    for (int i = 0; i < n; i++) {
      LocalDateTime t = out.get(from + i).timestamp();
      long seconds = t.toLocalDate().toEpochDay() * 86_400 + t.toLocalTime().toSecondOfDay();
      keys[i] = (seconds << 20) | i;
    }
    java.util.Arrays.sort(keys);
    Transaction[] sorted = new Transaction[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = out.get(from + (int) (keys[i] & 0xFFFFF));
    }
    for (int i = 0; i < n; i++) {
      out.set(from + i, sorted[i]);
    }
  }

  private static Channel channel(MerchantCategory category, Behaviour b, Draw d) {
    double[] c = b.channels(); // card, online, branch
    return switch (category) {
      case CASH_WITHDRAWAL -> d.chance(c[2] * 0.8) ? Channel.BRANCH : Channel.ATM;
      case INVESTMENT_TRANSFER, TRANSFER_OUT -> d.chance(c[1] / (c[1] + c[2])) ? Channel.ONLINE : Channel.BRANCH;
      case GAMBLING -> d.chance(0.8) ? Channel.ONLINE : Channel.CARD;
      default -> switch (d.categorical(c)) {
        case 0 -> Channel.CARD;
        case 1 -> Channel.ONLINE;
        default -> Channel.BRANCH;
      };
    };
  }

  private static LocalDate day(LocalDate from, LocalDate to, Draw d) {
    return from.plusDays(d.integer(0, (int) ChronoUnit.DAYS.between(from, to)));
  }

  private static LocalDate at(YearMonth ym, int dayOfMonth, LocalDate from, LocalDate to) {
    LocalDate day = ym.atDay(Math.min(dayOfMonth, ym.lengthOfMonth()));
    return day.isBefore(from) ? from : day.isAfter(to) ? to : day;
  }

  private static void add(List<Transaction> out, String id, LocalDate day, double amount, MerchantCategory category,
      Channel channel, Draw d) {
    LocalDateTime ts = LocalDateTime.of(day, LocalTime.of(d.integer(7, 22), d.integer(0, 59), d.integer(0, 59)));
    out.add(new Transaction(id, ts, Math.max(0.5, cents(amount)), category.direction(), category, channel));
  }

  /** Makes one loan and its truth; returns its score (without intercept) for calibration. */
  private double loan(String loanId, Customer c, Persona persona, double stress, List<Transaction> txns, Draw d,
      List<Loan> loans, List<LoanDefaultTruth> truth) {
    long range = ChronoUnit.DAYS.between(start, end);
    LocalDate app = start.plusDays(Math.round(d.uniform(0.5, 1.0) * range));
    String product;
    LoanPurpose purpose;
    double amount;
    int[] terms;
    double u = d.uniform();
    if (persona == Persona.STUDENT && u < 0.6 && c.ageOn(app) <= 30) {
      product = STUDENT_LOAN;
      purpose = LoanPurpose.EDUCATION;
      amount = d.logNormal(12_000, 0.4);
      terms = new int[] {60, 84, 120};
    } else if (persona == Persona.SMALL_BUSINESS && u < 0.5) {
      product = BUSINESS_LOAN;
      purpose = LoanPurpose.BUSINESS;
      amount = d.logNormal(40_000, 0.6);
      terms = new int[] {24, 36, 60};
    } else if (u < 0.8 && d.chance(0.35)) {
      product = CAR_LOAN;
      purpose = LoanPurpose.CAR;
      amount = d.logNormal(18_000, 0.4);
      terms = new int[] {36, 48, 60, 72};
    } else {
      product = PERSONAL_LOAN;
      LoanPurpose[] ps = {LoanPurpose.DEBT_CONSOLIDATION, LoanPurpose.HOME_IMPROVEMENT, LoanPurpose.MEDICAL,
          LoanPurpose.TRAVEL, LoanPurpose.OTHER};
      purpose = ps[d.categorical(new double[] {0.35, 0.25, 0.1, 0.1, 0.2})];
      amount = d.logNormal(Math.min(0.25 * c.annualIncome(), 30_000), 0.5);
      terms = new int[] {12, 24, 36, 48, 60};
    }
    amount = Math.max(1_000, Math.round(amount / 50) * 50.0);
    int term = terms[d.integer(0, terms.length - 1)];
    double existingDebt = d.chance(clamp(0.55 + 0.1 * stress, 0.1, 0.95))
        ? cents(d.logNormal(c.annualIncome() * 0.25 * Math.exp(0.4 * stress), 0.7)) : 0;
    int delinquencies = d.poisson(0.12 * Math.exp(0.9 * stress));
    int inquiries = d.poisson(0.7 * Math.exp(0.35 * stress));
    double monthlyIncome = c.annualIncome() / 12;
    double provisional = (existingDebt * 0.03 + annuity(amount, 0.1, term)) / monthlyIncome;
    double bankScore = (c.creditScore() - 690) / 55.0 - 2.5 * provisional - 0.6 * delinquencies + 0.3 * d.gaussian();
    LoanGrade grade = grade(bankScore);
    double rate = clamp(GRADE_RATE[grade.ordinal()] + 0.005 * d.gaussian(), 0.02, 0.35);
    rate = Math.round(rate * 10_000) / 10_000.0;
    double dti = Math.min(3.0, (existingDebt * 0.03 + annuity(amount, rate, term)) / monthlyIncome);
    dti = Math.round(dti * 10_000) / 10_000.0;

    double net180 = 0;
    double debits180 = 0;
    double gambling180 = 0;
    int returned90 = 0;
    boolean income45 = false;
    LocalDateTime appStart = app.atStartOfDay();
    for (Transaction t : txns) {
      long daysBefore = ChronoUnit.DAYS.between(t.timestamp().toLocalDate(), app);
      if (!t.timestamp().isBefore(appStart) || daysBefore > 180) {
        continue;
      }
      net180 += t.signedAmount();
      if (t.direction() == dev.bankml.data.domain.Direction.DEBIT) {
        debits180 += t.amount();
        if (t.category() == MerchantCategory.GAMBLING) {
          gambling180 += t.amount();
        }
      }
      if (daysBefore <= 90 && t.category() == MerchantCategory.RETURNED_PAYMENT) {
        returned90++;
      }
      if (daysBefore <= 45 && (t.category().isIncome() || t.category() == MerchantCategory.TRANSFER_IN)) {
        income45 = true;
      }
    }
    DefaultModel.Inputs in = new DefaultModel.Inputs(dti, c.employmentStatus(), delinquencies, net180 / monthlyIncome,
        debits180 > 0 ? gambling180 / debits180 : 0, returned90, !income45, c.creditScore(), inquiries, c.ageOn(app), term);
    double observed = DefaultModel.SCALE * DefaultModel.score(in);
    double score = observed + DefaultModel.SCALE * DefaultModel.UNOBSERVED_SD * d.gaussian();
    // the draw sees the unobserved term; the truth is the best answer the bank's data allows
    double realised = Math.round(DefaultModel.sigmoid(score + intercept) * 1e6) / 1e6;
    boolean defaulted = d.uniform() < realised;
    double pd = Math.round(DefaultModel.observableProbability(observed + intercept) * 1e6) / 1e6;
    loans.add(new Loan(loanId, c.customerId(), product, amount, term, rate, grade, purpose, app, dti, existingDebt,
        delinquencies, inquiries, defaulted));
    truth.add(new LoanDefaultTruth(loanId, pd));
    return score;
  }

  private static LoanGrade grade(double s) {
    double[] cut = {1.0, 0.4, -0.2, -0.8, -1.4, -2.0};
    for (int i = 0; i < cut.length; i++) {
      if (s > cut[i]) {
        return LoanGrade.values()[i];
      }
    }
    return LoanGrade.G;
  }

  private static double annuity(double principal, double yearlyRate, int months) {
    double r = yearlyRate / 12;
    return r == 0 ? principal / months : principal * r / (1 - Math.pow(1 + r, -months));
  }

  private void holdings(Customer c, Persona persona, Draw d, List<Holding> out, List<ProductPropensity> propensities) {
    Map<String, LocalDate> held = new LinkedHashMap<>();
    LocalDate since = c.customerSince();
    String first = switch (persona) {
      case STUDENT -> STUDENT_ACCOUNT;
      case YOUNG_PROFESSIONAL, FAMILY -> SALARY_ACCOUNT;
      case AFFLUENT -> PREMIUM_ACCOUNT;
      case RETIREE -> CURRENT;
      case SMALL_BUSINESS -> BUSINESS_ACCOUNT;
    };
    if (!product(first).eligible(c, held.keySet(), since)) {
      first = CURRENT;
    }
    held.put(first, since);
    OpeningOdds odds = new OpeningOdds();
    // history before the data range in quarters, damped; then month by month inside it
    LocalDate t = since;
    while (t.isBefore(start)) {
      LocalDate stepEnd = t.plusMonths(3).isAfter(start) ? start.minusDays(1) : t.plusMonths(3).minusDays(1);
      if (!stepEnd.isBefore(t)) {
        step(c, persona, held, t, stepEnd, PRE_RANGE_DAMPING, d, odds);
      }
      t = t.plusMonths(3);
    }
    for (YearMonth ym = YearMonth.from(start); !ym.atDay(1).isAfter(end); ym = ym.plusMonths(1)) {
      LocalDate from = ym.atDay(1).isBefore(start) ? start : ym.atDay(1);
      LocalDate to = ym.atEndOfMonth().isAfter(end) ? end : ym.atEndOfMonth();
      step(c, persona, held, from, to, 1.0, d, odds);
    }
    held.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> out.add(new Holding(c.customerId(), e.getKey(), e.getValue())));
    for (Product p : PRODUCTS) {
      List<String> others = new ArrayList<>(held.size());
      for (String q : held.keySet()) {
        if (!q.equals(p.productId())) {
          others.add(q);
        }
      }
      double propensity = 0;
      if (p.eligible(c, others, end)) {
        propensity = 1 - Math.exp(-12 * AdoptionModel.hazard(persona, p.productId(), others));
      }
      propensities.add(new ProductPropensity(c.customerId(), p.productId(), Math.round(propensity * 1e6) / 1e6));
    }
  }

  /** One time step: each product not held may open on a random day of [from, to] if eligible then. */
  private static void step(Customer c, Persona persona, Map<String, LocalDate> held, LocalDate from, LocalDate to,
      double damping, Draw d, OpeningOdds odds) {
    double[] p = odds.of(persona, held, (int) ChronoUnit.DAYS.between(from, to) + 1, damping);
    for (int i = 0; i < PRODUCTS.size(); i++) {
      if (p[i] < 0) {
        continue; // held when the step began
      }
      if (!d.chance(p[i])) {
        continue;
      }
      Product prod = PRODUCTS.get(i);
      String id = prod.productId();
      if (held.containsKey(id)) {
        continue;
      }
      LocalDate day = day(from, to, d);
      List<String> earlier = held.entrySet().stream().filter(e -> e.getValue().isBefore(day)).map(Map.Entry::getKey).toList();
      boolean excluded = prod.eligibility().excludes().stream().anyMatch(held::containsKey)
          || held.keySet().stream().anyMatch(q -> product(q).eligibility().excludes().contains(id));
      if (!excluded && prod.eligible(c, earlier, day)) {
        held.put(id, day);
      }
    }
  }

  /**
   * Per product, the probability of opening it within a step of a given length, for the products held
   * at the step's start (-1 for those held). Steps repeat the same lengths and holdings change rarely,
   * so the odds are kept until the holdings change: the exponentials dominated the simulation.
   */
  private static final class OpeningOdds {
    private final double[][][] cache = new double[2][400][];
    private int heldCount = -1;

    double[] of(Persona persona, Map<String, LocalDate> held, int days, double damping) {
      if (held.size() != heldCount) { // holdings only grow, so their number tells when they changed
        heldCount = held.size();
        for (double[][] c : cache) {
          java.util.Arrays.fill(c, null);
        }
      }
      int slot = damping == 1.0 ? 0 : 1;
      if (days >= cache[slot].length) {
        return compute(persona, held, days, damping);
      }
      double[] p = cache[slot][days];
      if (p == null) {
        p = compute(persona, held, days, damping);
        cache[slot][days] = p;
      }
      return p;
    }

    private static double[] compute(Persona persona, Map<String, LocalDate> held, int days, double damping) {
      double months = days / 30.44;
      boolean[] before = new boolean[PRODUCTS.size()];
      held.keySet().forEach(q -> before[indexOf(q)] = true);
      double[] p = new double[PRODUCTS.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = before[i] ? -1 : 1 - Math.exp(-(AdoptionModel.hazard(persona, i, before) * damping * months));
      }
      return p;
    }
  }

  private static Product product(String id) {
    return PRODUCTS.get(indexOf(id));
  }

  private static double cents(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
