package dev.bankml.data.io;

import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Education;
import dev.bankml.data.domain.Eligibility;
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
import dev.bankml.data.domain.ProductCategory;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One table of a bank directory: its file, its columns in order, and how a record becomes a row of
 * text cells and back. Decimals are written with '.', dates as ISO-8601; money has two decimals,
 * rates and ratios four, probabilities six.
 */
public final class BankTable<T> {
  /** {@code customers.csv}. */
  public static final BankTable<Customer> CUSTOMERS = new BankTable<>(
      BankFiles.CUSTOMERS,
      List.of("customer_id", "name", "email", "phone", "city", "region", "birth_date", "annual_income",
          "employment_status", "employment_years", "home_ownership", "education", "marital_status",
          "dependents", "credit_score", "customer_since"),
      c -> new String[] {c.customerId(), c.name(), c.email(), c.phone(), c.city(), c.region(),
          c.birthDate().toString(), Decimals.format(c.annualIncome(), 2), c.employmentStatus().name(),
          Integer.toString(c.employmentYears()), c.homeOwnership().name(), c.education().name(),
          c.maritalStatus().name(), Integer.toString(c.dependents()), Integer.toString(c.creditScore()),
          c.customerSince().toString()},
      r -> new Customer(r.text("customer_id"), r.text("name"), r.text("email"), r.text("phone"),
          r.text("city"), r.text("region"), r.date("birth_date"), r.decimal("annual_income"),
          r.category("employment_status", EmploymentStatus.class), r.integer("employment_years"),
          r.category("home_ownership", HomeOwnership.class), r.category("education", Education.class),
          r.category("marital_status", MaritalStatus.class), r.integer("dependents"),
          r.integer("credit_score"), r.date("customer_since")),
      Map.ofEntries(Map.entry("name", ""), Map.entry("email", ""), Map.entry("phone", ""), Map.entry("city", ""),
          Map.entry("region", ""), Map.entry("annual_income", "0"),
          Map.entry("employment_status", EmploymentStatus.values()[0].name()), Map.entry("employment_years", "0"),
          Map.entry("home_ownership", HomeOwnership.values()[0].name()),
          Map.entry("education", Education.values()[0].name()),
          Map.entry("marital_status", MaritalStatus.values()[0].name()), Map.entry("dependents", "0"),
          Map.entry("credit_score", "300")));

  /** {@code loans.csv}. */
  public static final BankTable<Loan> LOANS = new BankTable<>(
      BankFiles.LOANS,
      List.of("loan_id", "customer_id", "product_id", "amount", "term_months", "interest_rate", "grade",
          "purpose", "application_date", "debt_to_income", "existing_debt", "delinquencies",
          "recent_inquiries", "defaulted"),
      l -> new String[] {l.loanId(), l.customerId(), l.productId(), Decimals.format(l.amount(), 2),
          Integer.toString(l.termMonths()), Decimals.format(l.interestRate(), 4), l.grade().name(),
          l.purpose().name(), l.applicationDate().toString(), Decimals.format(l.debtToIncome(), 4),
          Decimals.format(l.existingDebt(), 2), Integer.toString(l.delinquencies()),
          Integer.toString(l.recentInquiries()), Boolean.toString(l.defaulted())},
      r -> new Loan(r.text("loan_id"), r.text("customer_id"), r.text("product_id"), r.decimal("amount"),
          r.integer("term_months"), r.decimal("interest_rate"), r.category("grade", LoanGrade.class),
          r.category("purpose", LoanPurpose.class), r.date("application_date"),
          r.decimal("debt_to_income"), r.decimal("existing_debt"), r.integer("delinquencies"),
          r.integer("recent_inquiries"), r.bool("defaulted")),
      Map.of("amount", "1", "term_months", "1", "interest_rate", "0", "grade", LoanGrade.values()[0].name(),
          "purpose", LoanPurpose.values()[0].name(), "debt_to_income", "0", "existing_debt", "0",
          "delinquencies", "0", "recent_inquiries", "0"));

  /** {@code transactions.csv}. */
  public static final BankTable<Transaction> TRANSACTIONS = new BankTable<>(
      BankFiles.TRANSACTIONS,
      List.of("customer_id", "timestamp", "amount", "direction", "category", "channel"),
      t -> new String[] {t.customerId(), Timestamps.format(t.timestamp()), Decimals.format(t.amount(), 2),
          t.direction().name(), t.category().name(), t.channel().name()},
      r -> new Transaction(r.text("customer_id"), r.dateTime("timestamp"), r.decimal("amount"),
          r.category("direction", Direction.class), r.category("category", MerchantCategory.class),
          r.category("channel", Channel.class)),
      Map.of("channel", Channel.values()[0].name()));

  /** {@code products.csv}; lists of product ids are separated by '|', an empty max_age means none. */
  public static final BankTable<Product> PRODUCTS = new BankTable<>(
      BankFiles.PRODUCTS,
      List.of("product_id", "name", "category", "min_age", "max_age", "min_income", "requires_any", "excludes"),
      p -> new String[] {p.productId(), p.name(), p.category().name(),
          Integer.toString(p.eligibility().minAge()),
          p.eligibility().maxAge().isPresent() ? Integer.toString(p.eligibility().maxAge().getAsInt()) : "",
          Decimals.format(p.eligibility().minIncome(), 2), String.join("|", p.eligibility().requiresAny()),
          String.join("|", p.eligibility().excludes())},
      r -> new Product(r.text("product_id"), r.text("name"), r.category("category", ProductCategory.class),
          new Eligibility(r.integer("min_age"), r.optionalInteger("max_age"), r.decimal("min_income"),
              r.list("requires_any"), r.list("excludes"))),
      Map.of());

  /** {@code holdings.csv}. */
  public static final BankTable<Holding> HOLDINGS = new BankTable<>(
      BankFiles.HOLDINGS,
      List.of("customer_id", "product_id", "opened_date"),
      h -> new String[] {h.customerId(), h.productId(), h.openedDate().toString()},
      r -> new Holding(r.text("customer_id"), r.text("product_id"), r.date("opened_date")),
      Map.of());

  /** {@code truth/loan_default_probability.csv}. */
  public static final BankTable<LoanDefaultTruth> LOAN_DEFAULT_PROBABILITY = new BankTable<>(
      BankFiles.LOAN_DEFAULT_PROBABILITY,
      List.of("loan_id", "true_pd"),
      t -> new String[] {t.loanId(), Decimals.format(t.truePd(), 6)},
      r -> new LoanDefaultTruth(r.text("loan_id"), r.decimal("true_pd")),
      Map.of());

  /** {@code truth/customer_persona.csv}. */
  public static final BankTable<CustomerPersona> CUSTOMER_PERSONA = new BankTable<>(
      BankFiles.CUSTOMER_PERSONA,
      List.of("customer_id", "persona"),
      p -> new String[] {p.customerId(), p.persona().name()},
      r -> new CustomerPersona(r.text("customer_id"), r.category("persona", Persona.class)),
      Map.of());

  /** {@code truth/product_propensity.csv}. */
  public static final BankTable<ProductPropensity> PRODUCT_PROPENSITY = new BankTable<>(
      BankFiles.PRODUCT_PROPENSITY,
      List.of("customer_id", "product_id", "propensity"),
      p -> new String[] {p.customerId(), p.productId(), Decimals.format(p.propensity(), 6)},
      r -> new ProductPropensity(r.text("customer_id"), r.text("product_id"), r.decimal("propensity")),
      Map.of());

  private final String fileName;
  private final List<String> columns;
  private final Function<T, String[]> formatter;
  private final Function<Row, T> parser;
  /** Per column that may be blank: the valid text parsed in its place, so the record can be built. */
  private final Map<String, String> standIns;
  private final Map<String, Long> bits = new HashMap<>();

  private BankTable(String fileName, List<String> columns, Function<T, String[]> formatter, Function<Row, T> parser,
      Map<String, String> standIns) {
    this.fileName = fileName;
    this.columns = columns;
    this.formatter = formatter;
    this.parser = parser;
    this.standIns = standIns;
    for (int i = 0; i < columns.size(); i++) {
      bits.put(columns.get(i), 1L << i);
    }
    if (columns.size() > Long.SIZE || !columns.containsAll(standIns.keySet())) {
      throw new IllegalStateException(fileName + ": the columns that may be blank must be among its <= 64 columns");
    }
  }

  /** The file's path relative to the bank directory, e.g. {@code truth/customer_persona.csv}. */
  public String fileName() {
    return fileName;
  }

  /** The header, in the order written. */
  public List<String> columns() {
    return columns;
  }

  /** The text cells of {@code record} in column order, as they are written. */
  public String[] format(T record) {
    return formatter.apply(record);
  }

  /**
   * The columns whose cells may be blank in a messy extract: {@link BankCsvReader#readPartial} keeps
   * such a row and marks the cell missing instead of refusing it. Keys, dates, amounts of transactions
   * and the label are never among them. Sorted.
   */
  public List<String> mayBeBlank() {
    return standIns.keySet().stream().sorted().toList();
  }

  /** The text parsed in place of a blank {@code column}, or null when that column may not be blank. */
  String standIn(String column) {
    return standIns.get(column);
  }

  /** The bit of {@code column} in a {@link PartialRecord}'s mask. */
  long bit(String column) {
    Long b = bits.get(column);
    if (b == null) {
      throw new IllegalArgumentException(fileName + " has no column '" + column + "'; its columns are " + columns);
    }
    return b;
  }

  T parse(Row row) {
    return parser.apply(row);
  }

  @Override
  public String toString() {
    return fileName;
  }
}
