package dev.bankml.recommender.bank;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Eligibility;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.OfferFilter;
import dev.bankml.recommender.eval.Holdout;
import dev.bankml.recommender.eval.Propensity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A bank's customers, product catalogue and holdings turned into the recommender's indices:
 * customer c is the c-th row of {@code customers.csv}, item i the i-th product of {@code
 * products.csv}. Gives the holdings matrix, the temporal split, eligibility from the catalogue's
 * rules, and the generator's true propensities when {@code truth/} is present. Immutable.
 */
public final class BankHoldings {
  private final List<Customer> customers;
  private final List<Product> products;
  private final Map<String, Integer> customerIndex;
  private final Map<String, Integer> productIndex;
  private final int[] holdingCustomer;
  private final int[] holdingItem;
  private final long[] openedDay;
  private final Optional<double[]> propensity;

  private BankHoldings(
      List<Customer> customers,
      List<Product> products,
      Map<String, Integer> customerIndex,
      Map<String, Integer> productIndex,
      int[] holdingCustomer,
      int[] holdingItem,
      long[] openedDay,
      Optional<double[]> propensity) {
    this.customers = customers;
    this.products = products;
    this.customerIndex = customerIndex;
    this.productIndex = productIndex;
    this.holdingCustomer = holdingCustomer;
    this.holdingItem = holdingItem;
    this.openedDay = openedDay;
    this.propensity = propensity;
  }

  /**
   * Reads {@code customers.csv}, {@code products.csv}, {@code holdings.csv} and, when present,
   * {@code truth/product_propensity.csv} from a bank directory written by {@code bankml generate}
   * (the other tables are not read).
   *
   * @throws BankmlException if the directory or a file is missing or a row is invalid, naming file
   *     and line
   */
  public static BankHoldings read(Path bankDir) {
    if (!Files.isDirectory(bankDir)) {
      throw new BankmlException(bankDir + ": not a directory; expected a bank directory written by 'bankml generate'");
    }
    BankCsvReader reader = BankCsvReader.strict();
    List<Customer> customers = reader.read(BankTable.CUSTOMERS, bankDir.resolve(BankFiles.CUSTOMERS)).records();
    List<Product> products = reader.read(BankTable.PRODUCTS, bankDir.resolve(BankFiles.PRODUCTS)).records();
    List<Holding> holdings = reader.read(BankTable.HOLDINGS, bankDir.resolve(BankFiles.HOLDINGS)).records();
    Path truth = bankDir.resolve(BankFiles.PRODUCT_PROPENSITY);
    List<ProductPropensity> propensities = Files.isRegularFile(truth)
        ? reader.read(BankTable.PRODUCT_PROPENSITY, truth).records()
        : List.of();
    return of(customers, products, holdings, propensities);
  }

  /**
   * Indexes in-memory tables; {@code propensities} may be empty (no truth).
   *
   * @throws BankmlException if ids repeat or a holding or propensity names an unknown customer or product
   */
  public static BankHoldings of(
      List<Customer> customers, List<Product> products, List<Holding> holdings, List<ProductPropensity> propensities) {
    Map<String, Integer> cIndex = new HashMap<>();
    for (int c = 0; c < customers.size(); c++) {
      if (cIndex.put(customers.get(c).customerId(), c) != null) {
        throw new BankmlException("customer " + customers.get(c).customerId() + " appears twice in customers; ids must be unique");
      }
    }
    Map<String, Integer> pIndex = new HashMap<>();
    for (int i = 0; i < products.size(); i++) {
      if (pIndex.put(products.get(i).productId(), i) != null) {
        throw new BankmlException("product " + products.get(i).productId() + " appears twice in products; ids must be unique");
      }
    }
    int n = holdings.size();
    int[] hc = new int[n];
    int[] hi = new int[n];
    long[] day = new long[n];
    for (int p = 0; p < n; p++) {
      Holding h = holdings.get(p);
      hc[p] = lookup(cIndex, h.customerId(), "holdings row " + (p + 1) + ": customer_id", "customers");
      hi[p] = lookup(pIndex, h.productId(), "holdings row " + (p + 1) + ": product_id", "products");
      day[p] = h.openedDate().toEpochDay();
    }
    Optional<double[]> truth = Optional.empty();
    if (!propensities.isEmpty()) {
      double[] values = new double[customers.size() * products.size()];
      for (int p = 0; p < propensities.size(); p++) {
        ProductPropensity pp = propensities.get(p);
        String where = "product_propensity row " + (p + 1);
        int c = lookup(cIndex, pp.customerId(), where + ": customer_id", "customers");
        int i = lookup(pIndex, pp.productId(), where + ": product_id", "products");
        values[c * products.size() + i] = pp.propensity();
      }
      truth = Optional.of(values);
    }
    return new BankHoldings(List.copyOf(customers), List.copyOf(products), cIndex, pIndex, hc, hi, day, truth);
  }

  private static int lookup(Map<String, Integer> index, String id, String where, String table) {
    Integer i = index.get(id);
    if (i == null) {
      throw new BankmlException(where + " '" + id + "' is not in " + table + ".csv; every reference must name a known id");
    }
    return i;
  }

  /** Number of customers. */
  public int customerCount() {
    return customers.size();
  }

  /** Number of products. */
  public int productCount() {
    return products.size();
  }

  /** Number of holdings. */
  public int holdingCount() {
    return holdingItem.length;
  }

  /** Customer c's id. */
  public String customerId(int c) {
    return customers.get(c).customerId();
  }

  /** Product i's id. */
  public String productId(int i) {
    return products.get(i).productId();
  }

  /** Product names, by item index. */
  public List<String> productNames() {
    return products.stream().map(Product::name).toList();
  }

  /**
   * The index of customer {@code id}.
   *
   * @throws BankmlException if there is no such customer
   */
  public int customerIndex(String id) {
    return lookup(customerIndex, id, "customer", "customers");
  }

  /** The index of product {@code id}, if known. */
  public Optional<Integer> productIndex(String id) {
    return Optional.ofNullable(productIndex.get(id));
  }

  /** Every holding as a binary customer × product matrix labelled with product names. */
  public InteractionMatrix matrix() {
    return InteractionMatrix.binary(customers.size(), products.size(), holdingCustomer, holdingItem)
        .withItemLabels(productNames());
  }

  /** The latest opening date of any holding (empty when there are no holdings). */
  public Optional<LocalDate> lastOpened() {
    return java.util.Arrays.stream(openedDay).max().stream().mapToObj(LocalDate::ofEpochDay).findFirst();
  }

  /**
   * The default temporal cut-off: one year before the latest opening, so the last year's openings
   * are what must be predicted.
   *
   * @throws BankmlException if there are no holdings
   */
  public LocalDate defaultCutoff() {
    return lastOpened()
        .orElseThrow(() -> new BankmlException("holdings.csv has no rows; a temporal split needs opening dates"))
        .minusYears(1);
  }

  /** Holdings opened before {@code cutoff} train; products opened on or after it are to be predicted. */
  public Holdout temporal(LocalDate cutoff) {
    return Holdout.temporal(customers.size(), productNames(), holdingCustomer, holdingItem, openedDay, cutoff.toEpochDay());
  }

  /**
   * OfferFilter by the catalogue's rules (age, income, prerequisites, exclusions) on {@code asOf}
   * for customers holding what {@code held} says; computed once for every customer and product.
   */
  public OfferFilter eligibility(InteractionMatrix held, LocalDate asOf) {
    int n = products.size();
    if (held.customers() != customers.size() || held.items() != n) {
      throw new BankmlException(
          "holdings matrix is " + held.customers() + " × " + held.items() + " but the bank has "
              + customers.size() + " customers × " + n + " products");
    }
    if (n <= 64) {
      long[] ok = maskedRules(held, asOf);
      return (c, i) -> (ok[c] >>> i & 1) != 0;
    }
    boolean[] ok = new boolean[customers.size() * n];
    IntStream.range(0, customers.size()).parallel().forEach(c -> {
      List<String> ids = new ArrayList<>();
      for (int i : held.itemsOf(c)) {
        ids.add(products.get(i).productId());
      }
      Customer customer = customers.get(c);
      for (int i = 0; i < n; i++) {
        ok[c * n + i] = products.get(i).eligible(customer, ids, asOf);
      }
    });
    return (c, i) -> ok[c * n + i];
  }

  /**
   * {@link Eligibility#allows} for every customer and product, one bit per product: the rules as
   * plain arrays, product references as bit masks, the customer's age computed once — same rules,
   * without building id lists 20 times per customer.
   */
  private long[] maskedRules(InteractionMatrix held, LocalDate asOf) {
    int n = products.size();
    int[] minAge = new int[n];
    int[] maxAge = new int[n];
    double[] minIncome = new double[n];
    long[] requires = new long[n];
    long[] excludes = new long[n];
    boolean[] needs = new boolean[n];
    for (int i = 0; i < n; i++) {
      Eligibility rule = products.get(i).eligibility();
      minAge[i] = rule.minAge();
      maxAge[i] = rule.maxAge().orElse(Integer.MAX_VALUE);
      minIncome[i] = rule.minIncome();
      for (String id : rule.requiresAny()) {
        requires[i] |= productIndex.containsKey(id) ? 1L << productIndex.get(id) : 0;
      }
      for (String id : rule.excludes()) {
        excludes[i] |= productIndex.containsKey(id) ? 1L << productIndex.get(id) : 0;
      }
      needs[i] = !rule.requiresAny().isEmpty();
    }
    Rules rules = new Rules(minAge, maxAge, minIncome, needs, requires, excludes);
    long[] ok = new long[customers.size()];
    for (int c = 0; c < ok.length; c++) {
      ok[c] = rules.allowed(customers.get(c), held.itemsOf(c), asOf);
    }
    return ok;
  }

  /** The catalogue's rules as arrays, product i at index i; references to products as bit masks. */
  private record Rules(int[] minAge, int[] maxAge, double[] minIncome, boolean[] needs, long[] requires, long[] excludes) {
    /** Bit i set when product i may be offered on {@code asOf} to {@code customer} holding {@code items}. */
    long allowed(Customer customer, int[] items, LocalDate asOf) {
      long held = 0;
      for (int i : items) {
        held |= 1L << i;
      }
      LocalDate born = customer.birthDate();
      // whole years on asOf (Customer.ageOn without building a Period), for customers born before it
      int age = born.isAfter(asOf)
          ? customer.ageOn(asOf)
          : asOf.getYear() - born.getYear()
              - (asOf.getMonthValue() * 100 + asOf.getDayOfMonth() < born.getMonthValue() * 100 + born.getDayOfMonth() ? 1 : 0);
      double income = customer.annualIncome();
      long bits = 0;
      for (int i = 0; i < minAge.length; i++) {
        boolean ok = age >= minAge[i] && age <= maxAge[i] && income >= minIncome[i]
            && (!needs[i] || (held & requires[i]) != 0) && (held & excludes[i]) == 0;
        bits |= ok ? 1L << i : 0;
      }
      return bits;
    }
  }

  /** The generator's true propensities, when {@code truth/product_propensity.csv} was present. */
  public Optional<Propensity> propensity() {
    int n = products.size();
    return propensity.map(values -> (c, i) -> values[c * n + i]);
  }
}
