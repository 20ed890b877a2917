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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
  private final Months months;

  CustomerSimulator(long seed, LocalDate start, LocalDate end, double[] personaMix, double intercept) {
    this.seed = seed;
    this.start = start;
    this.end = end;
    this.personaMix = personaMix;
    this.intercept = intercept;
    this.months = new Months(start, end);
  }

  /** The calendar months of the date range as epoch days, worked out once for all customers. */
  private static final class Months {
    private final long[] first;
    private final int[] length;
    private final long[] from;
    private final long[] to;

    Months(LocalDate start, LocalDate end) {
      List<YearMonth> ms = new ArrayList<>();
      for (YearMonth ym = YearMonth.from(start); !ym.atDay(1).isAfter(end); ym = ym.plusMonths(1)) {
        ms.add(ym);
      }
      first = new long[ms.size()];
      length = new int[ms.size()];
      from = new long[ms.size()];
      to = new long[ms.size()];
      for (int m = 0; m < ms.size(); m++) {
        YearMonth ym = ms.get(m);
        first[m] = ym.atDay(1).toEpochDay();
        length[m] = ym.lengthOfMonth();
        from[m] = Math.max(first[m], start.toEpochDay());
        to[m] = Math.min(ym.atEndOfMonth().toEpochDay(), end.toEpochDay());
      }
    }

    int count() {
      return first.length;
    }

    /** The month's first day inside the range. */
    long from(int m) {
      return from[m];
    }

    /** The month's last day inside the range. */
    long to(int m) {
      return to[m];
    }

    /** Day {@code dayOfMonth} of month {@code m} (the last day in shorter months), moved into the range. */
    long at(int m, int dayOfMonth) {
      long day = first[m] + Math.min(dayOfMonth, length[m]) - 1;
      return day < from[m] ? from[m] : Math.min(day, to[m]);
    }
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
    TransactionLog transactions = transactions(customer, home, b, d);

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

  private TransactionLog transactions(Customer c, HomeOwnership home, Behaviour b, Draw d) {
    TransactionLog out = new TransactionLog();
    double net = b.incomeFromTransfers() ? c.annualIncome() / 12 : c.annualIncome() / 12 * 0.75;
    double housing = switch (home) {
      case RENT -> 0.28 * net;
      case MORTGAGE -> 0.25 * net;
      default -> 0;
    };
    double utilities = 0.03 * net;
    for (int month = 0; month < months.count(); month++) {
      long from = months.from(month);
      long to = months.to(month);
      boolean earning = month < b.jobLossMonth();
      int monthStart = out.size();
      // income
      if (b.business()) {
        if (earning) {
          int k = d.integer(2, 4);
          for (int i = 0; i < k; i++) {
            add(out, day(from, to, d), net / k * d.logNormal(1, 0.3), MerchantCategory.BUSINESS_INCOME, Channel.ONLINE, d);
          }
        }
      } else if (b.pension()) {
        add(out, months.at(month, d.integer(1, 3)), net * (1 + 0.005 * d.gaussian()), MerchantCategory.PENSION, Channel.ONLINE, d);
      } else if (b.incomeFromTransfers()) {
        add(out, months.at(month, d.integer(1, 5)), net * (1 + 0.05 * d.gaussian()), MerchantCategory.TRANSFER_IN, Channel.ONLINE, d);
      } else if (earning) {
        add(out, months.at(month, d.integer(25, 28)), net * (1 + 0.01 * d.gaussian()), MerchantCategory.SALARY, Channel.ONLINE, d);
      }
      // fixed costs by direct debit
      if (housing > 0) {
        add(out, months.at(month, 1), housing, home == HomeOwnership.RENT ? MerchantCategory.RENT
            : MerchantCategory.MORTGAGE_PAYMENT, Channel.DIRECT_DEBIT, d);
      }
      add(out, months.at(month, 5), utilities * d.logNormal(1, 0.15), MerchantCategory.UTILITIES, Channel.DIRECT_DEBIT, d);
      add(out, months.at(month, 15), utilities * d.logNormal(1, 0.15), MerchantCategory.UTILITIES, Channel.DIRECT_DEBIT, d);
      int returned = d.poisson(b.returnedRate() * (earning ? 1 : 3));
      for (int i = 0; i < returned; i++) {
        add(out, day(from, to, d), utilities * d.logNormal(1, 0.3), MerchantCategory.RETURNED_PAYMENT, Channel.DIRECT_DEBIT, d);
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
        add(out, day(from, to, d), budget * raw[i] / total, cats[i], channel(cats[i], b, d), d);
      }
      out.sortMonth(monthStart, from, to);
    }
    return out;
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

  /** A uniform random day of [from, to] (epoch days). */
  private static long day(long from, long to, Draw d) {
    return from + d.integer(0, (int) (to - from));
  }

  /** Adds a transaction on {@code day} (epoch day) at a random time between 07:00:00 and 22:59:59. */
  private static void add(TransactionLog out, long day, double amount, MerchantCategory category, Channel channel,
      Draw d) {
    int hour = d.integer(7, 22);
    int minute = d.integer(0, 59);
    int second = d.integer(0, 59);
    // at least 0.50; whole cents, so that cents / 100.0 is the amount rounded as cents(amount) rounds it
    out.add(day * 86_400 + hour * 3_600 + minute * 60 + second, Math.max(50, Math.round(amount * 100)), category, channel);
  }

  /** Makes one loan and its truth; returns its score (without intercept) for calibration. */
  private double loan(String loanId, Customer c, Persona persona, double stress, TransactionLog txns, Draw d,
      List<Loan> loans, List<LoanDefaultTruth> truth) {
    long range = ChronoUnit.DAYS.between(start, end);
    LocalDate app = start.plusDays(Math.round(d.uniform(0.5, 1.0) * range));
    String product;
    LoanPurpose purpose;
    double amount;
    int[] terms;
    double u = d.uniform();
    if (persona == Persona.STUDENT && u < 0.6 && ageOn(c.birthDate(), app) <= 30) {
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
    long appDay = app.toEpochDay();
    for (int i = 0; i < txns.size(); i++) {
      long daysBefore = appDay - Math.floorDiv(txns.second(i), 86_400);
      if (daysBefore <= 0 || daysBefore > 180) {
        continue; // on or after the application day, or too early
      }
      MerchantCategory category = txns.category(i);
      double moved = txns.amount(i);
      if (category.direction() == dev.bankml.data.domain.Direction.DEBIT) {
        net180 += -moved;
        debits180 += moved;
        if (category == MerchantCategory.GAMBLING) {
          gambling180 += moved;
        }
      } else {
        net180 += moved;
      }
      if (daysBefore <= 90 && category == MerchantCategory.RETURNED_PAYMENT) {
        returned90++;
      }
      if (daysBefore <= 45 && (category.isIncome() || category == MerchantCategory.TRANSFER_IN)) {
        income45 = true;
      }
    }
    DefaultModel.Inputs in = new DefaultModel.Inputs(dti, c.employmentStatus(), delinquencies, net180 / monthlyIncome,
        debits180 > 0 ? gambling180 / debits180 : 0, returned90, !income45, c.creditScore(), inquiries, ageOn(c.birthDate(), app), term);
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
    Held held = new Held();
    Applicant a = new Applicant(c);
    LocalDate since = c.customerSince();
    String first = switch (persona) {
      case STUDENT -> STUDENT_ACCOUNT;
      case YOUNG_PROFESSIONAL, FAMILY -> SALARY_ACCOUNT;
      case AFFLUENT -> PREMIUM_ACCOUNT;
      case RETIREE -> CURRENT;
      case SMALL_BUSINESS -> BUSINESS_ACCOUNT;
    };
    if (!Rule.of(indexOf(first)).allows(a, held, Long.MAX_VALUE, since.toEpochDay())) {
      first = CURRENT;
    }
    held.open(indexOf(first), since.toEpochDay());
    OpeningOdds odds = new OpeningOdds();
    // history before the data range in quarters, damped; then month by month inside it
    long firstDay = start.toEpochDay();
    LocalDate t = since;
    for (long day = since.toEpochDay(); day < firstDay; ) {
      LocalDate next = t.plusMonths(3);
      long nextDay = next.toEpochDay();
      long stepEnd = Math.min(nextDay, firstDay) - 1;
      if (stepEnd >= day) {
        step(a, persona, held, day, stepEnd, PRE_RANGE_DAMPING, d, odds);
      }
      t = next;
      day = nextDay;
    }
    for (int m = 0; m < months.count(); m++) {
      step(a, persona, held, months.from(m), months.to(m), 1.0, d, odds);
    }
    for (int q : held.byOpening()) {
      out.add(new Holding(c.customerId(), PRODUCTS.get(q).productId(), LocalDate.ofEpochDay(held.opened(q))));
    }
    for (int p = 0; p < PRODUCTS.size(); p++) {
      double propensity = 0;
      // the products held at the end but this one, in the order they were opened
      if (Rule.of(p).allowsWithout(a, held, end.toEpochDay())) {
        propensity = 1 - Math.exp(-12 * AdoptionModel.hazard(persona, p, held.order(), held.count(), p));
      }
      propensities.add(new ProductPropensity(c.customerId(), PRODUCTS.get(p).productId(),
          Math.round(propensity * 1e6) / 1e6));
    }
  }

  /** One time step: each product not held may open on a random day of [from, to] (epoch days) if eligible then. */
  private static void step(Applicant a, Persona persona, Held held, long from, long to, double damping, Draw d,
      OpeningOdds odds) {
    double[] p = odds.of(persona, held, (int) (to - from) + 1, damping);
    for (int i = 0; i < p.length; i++) {
      if (p[i] < 0) {
        continue; // held when the step began
      }
      if (!d.chance(p[i])) {
        continue;
      }
      if (held.has(i)) {
        continue;
      }
      long day = day(from, to, d);
      Rule rule = Rule.of(i);
      if (!rule.excludedBy(held) && rule.allows(a, held, day, day)) {
        held.open(i, day);
      }
    }
  }

  /** The products a customer holds by catalogue index, with their opening days, in the order opened. */
  private static final class Held {
    private final long[] opened = new long[PRODUCTS.size()];
    private final boolean[] has = new boolean[PRODUCTS.size()];
    private final int[] order = new int[PRODUCTS.size()];
    private int count;
    private int mask;

    void open(int product, long epochDay) {
      has[product] = true;
      mask |= 1 << product;
      opened[product] = epochDay;
      order[count++] = product;
    }

    boolean has(int product) {
      return has[product];
    }

    /** The products held as bits by catalogue index. */
    int mask() {
      return mask;
    }

    /** Whether {@code product} was opened strictly before {@code epochDay}. */
    boolean heldBefore(int product, long epochDay) {
      return has[product] && opened[product] < epochDay;
    }

    long opened(int product) {
      return opened[product];
    }

    int count() {
      return count;
    }

    /** The products in the order opened (the first {@link #count()} entries). */
    int[] order() {
      return order;
    }

    /** The products by opening day, products opened the same day in the order opened. */
    int[] byOpening() {
      int[] sorted = java.util.Arrays.copyOf(order, count);
      for (int i = 1; i < count; i++) { // stable insertion sort: at most twenty
        int q = sorted[i];
        int j = i - 1;
        while (j >= 0 && opened[sorted[j]] > opened[q]) {
          sorted[j + 1] = sorted[j];
          j--;
        }
        sorted[j + 1] = q;
      }
      return sorted;
    }
  }

  /**
   * A catalogue product's eligibility with product ids as catalogue indices: the same rules as
   * {@link Product#eligible}, checked millions of times without building lists of held ids.
   */
  private record Rule(int self, int minAge, int maxAge, double minIncome, int[] requiresAny, int[] excludes) {
    private static final Rule[] RULES = PRODUCTS.stream().map(p -> new Rule(indexOf(p.productId()), p.eligibility().minAge(),
        p.eligibility().maxAge().orElse(Integer.MAX_VALUE), p.eligibility().minIncome(),
        p.eligibility().requiresAny().stream().mapToInt(ProductCatalogue::indexOf).toArray(),
        p.eligibility().excludes().stream().mapToInt(ProductCatalogue::indexOf).toArray())).toArray(Rule[]::new);

    /** Per product, as bits: the products it excludes and the products that exclude it. */
    private static final int[] EXCLUSIONS = exclusions();

    static Rule of(int product) {
      return RULES[product];
    }

    private static int[] exclusions() {
      int[] bits = new int[RULES.length];
      for (Rule r : RULES) {
        for (int x : r.excludes) {
          bits[r.self] |= 1 << x;
          bits[x] |= 1 << r.self;
        }
      }
      return bits;
    }

    /** Whether a held product excludes this one or this one excludes a held product. */
    boolean excludedBy(Held held) {
      return (EXCLUSIONS[self] & held.mask()) != 0;
    }

    /** The rules on {@code asOf} (an epoch day) for the products held strictly before {@code epochDay}. */
    boolean allows(Applicant a, Held held, long epochDay, long asOf) {
      if (!a.meets(this, asOf)) {
        return false;
      }
      boolean any = requiresAny.length == 0;
      for (int q : requiresAny) {
        any |= held.heldBefore(q, epochDay);
      }
      if (!any) {
        return false;
      }
      for (int q : excludes) {
        if (held.heldBefore(q, epochDay)) {
          return false;
        }
      }
      return true;
    }

    /** The rules on {@code asOf} (an epoch day) for every product held but {@code self}. */
    boolean allowsWithout(Applicant a, Held held, long asOf) {
      if (!a.meets(this, asOf)) {
        return false;
      }
      boolean any = requiresAny.length == 0;
      for (int q : requiresAny) {
        any |= q != self && held.has(q);
      }
      if (!any) {
        return false;
      }
      for (int q : excludes) {
        if (q != self && held.has(q)) {
          return false;
        }
      }
      return true;
    }

  }

  /**
   * A customer as the age and income rules see them, with the epoch days on which they reach each
   * age a rule names: the rules are checked on thousands of days per customer, and comparing a day
   * with two numbers costs far less than working out an age from two dates each time.
   */
  private static final class Applicant {
    /** By age, whether a rule starts (a minimum age) or stops (a maximum age + 1) applying at it. */
    private static final boolean[] NAMED = namedAges();

    private final double income;
    /** By age, for the ages named by a rule: the first epoch day on which the customer is that old. */
    private final long[] reaches = new long[NAMED.length];

    Applicant(Customer c) {
      this.income = c.annualIncome();
      for (int age = 1; age < NAMED.length; age++) {
        if (NAMED[age]) {
          reaches[age] = firstDayAged(c.birthDate(), age);
        }
      }
    }

    /** Whether the customer's age on {@code epochDay} and income are within {@code rule}'s limits. */
    boolean meets(Rule rule, long epochDay) {
      return income >= rule.minIncome() && epochDay >= reaches[rule.minAge()]
          && (rule.maxAge() == Integer.MAX_VALUE || epochDay < reaches[rule.maxAge() + 1]);
    }

    /**
     * The first day on which {@link #ageOn} counts {@code age} (at least 1) years since {@code birth}:
     * the birthday, or the 1st of March after a 29 February birthday in a common year. Ages only grow
     * with the day, so being that old on a day is being on or after it.
     */
    static long firstDayAged(LocalDate birth, int age) {
      LocalDate birthday = birth.plusYears(age);
      return (ageOn(birth, birthday) < age ? birthday.plusDays(1) : birthday).toEpochDay();
    }

    private static boolean[] namedAges() {
      boolean[] named = new boolean[152];
      for (Rule r : Rule.RULES) {
        if (r.minAge() < 1) { // age 0 is also the year before birth: no single first day
          throw new IllegalStateException("the catalogue's minimum ages must be at least 1, not " + r.minAge());
        }
        named[r.minAge()] = true;
        if (r.maxAge() != Integer.MAX_VALUE) {
          named[r.maxAge() + 1] = true;
        }
      }
      return named;
    }
  }

  /** Whole years from {@code birth} to {@code on}, as {@link Customer#ageOn} counts them, without a {@link java.time.Period}. */
  static int ageOn(LocalDate birth, LocalDate on) {
    if (on.isBefore(birth)) {
      return java.time.Period.between(birth, on).getYears();
    }
    int months = on.getYear() * 12 + on.getMonthValue() - (birth.getYear() * 12 + birth.getMonthValue());
    if (on.getDayOfMonth() < birth.getDayOfMonth()) {
      months--;
    }
    return months / 12;
  }

  /**
   * Per product, the probability of opening it within a step of a given length, for the products held
   * at the step's start (-1 for those held). Steps repeat the same lengths and holdings change rarely,
   * so the odds are kept until the holdings change: the exponentials dominated the simulation.
   */
  private static final class OpeningOdds {
    /** Longer than any step: a quarter before the date range, a month inside it. */
    private static final int MAX_DAYS = 93;

    private final double[][][] cache = new double[2][MAX_DAYS][];
    /** The holdings version each cached entry was computed for; entries of older versions are stale. */
    private final int[][] versions = new int[2][MAX_DAYS];
    private int version;
    private int heldCount = -1;
    /** For the current holdings: the distinct monthly hazards, and per product the index of its own. */
    private final double[] hazards = new double[PRODUCTS.size()];
    private final int[] hazardOf = new int[PRODUCTS.size()];
    private int distinct;

    double[] of(Persona persona, Held held, int days, double damping) {
      if (held.count() != heldCount) { // holdings only grow, so their number tells when they changed
        heldCount = held.count();
        version++;
        findHazards(persona, held);
      }
      int slot = damping == 1.0 ? 0 : 1;
      if (days >= MAX_DAYS) {
        return compute(held, days, damping);
      }
      if (versions[slot][days] != version) {
        cache[slot][days] = compute(held, days, damping);
        versions[slot][days] = version;
      }
      return cache[slot][days];
    }

    /**
     * The monthly hazard of each product given the holdings. Most products share one of a few (the
     * same affinity level, no co-adoption lift), so each distinct hazard is kept once and its
     * exponential worked out once per step length: the exponentials dominated the simulation.
     */
    private void findHazards(Persona persona, Held held) {
      boolean[] before = new boolean[PRODUCTS.size()];
      for (int i = 0; i < before.length; i++) {
        before[i] = held.has(i);
      }
      distinct = 0;
      for (int i = 0; i < before.length; i++) {
        double h = AdoptionModel.hazard(persona, i, before);
        int k = 0;
        while (k < distinct && hazards[k] != h) {
          k++;
        }
        if (k == distinct) {
          hazards[distinct++] = h;
        }
        hazardOf[i] = k;
      }
    }

    private double[] compute(Held held, int days, double damping) {
      double months = days / 30.44;
      double[] byHazard = new double[distinct];
      for (int k = 0; k < distinct; k++) {
        byHazard[k] = 1 - Math.exp(-(hazards[k] * damping * months));
      }
      double[] p = new double[PRODUCTS.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = held.has(i) ? -1 : byHazard[hazardOf[i]];
      }
      return p;
    }
  }

  private static double cents(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
