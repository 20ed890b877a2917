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
    String[] names = new String[products.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = products.get(i).name();
    }
    return List.of(names);
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
    if (openedDay.length == 0) {
      return Optional.empty();
    }
    long last = Long.MIN_VALUE;
    // in short blocks: a small method is compiled after a few calls, a long loop only after ~60,000 turns
    for (int from = 0; from < openedDay.length; from += 1024) {
      last = Math.max(last, max(openedDay, from, Math.min(openedDay.length, from + 1024)));
    }
    return Optional.of(LocalDate.ofEpochDay(last));
  }

  private static long max(long[] a, int from, int to) {
    long m = Long.MIN_VALUE;
    for (int p = from; p < to; p++) {
      m = Math.max(m, a[p]);
    }
    return m;
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
      return OfferFilter.ofMasks(maskedRules(held, asOf));
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
   * {@link Eligibility#allows} for every customer and product, one bit per product: the rules turned
   * into bit masks once (products allowed at each age, at each income threshold, named by each
   * product's prerequisites and exclusions), then a customer's mask is a few lookups — same rules,
   * without testing 20 products one by one for every customer.
   */
  private long[] maskedRules(InteractionMatrix held, LocalDate asOf) {
    Rules rules = Rules.of(products, productIndex);
    long[] ok = new long[customers.size()];
    // in short blocks: a small method is compiled after a few calls, a long loop only after ~60,000 turns
    for (int from = 0; from < ok.length; from += 32) {
      rules.fill(ok, from, Math.min(ok.length, from + 32), customers, held, asOf);
    }
    return ok;
  }

  /**
   * The catalogue's rules as bit masks over products: {@code byAge[a]} the products open at age a,
   * {@code byIncome[t]} those whose minimum income is at most {@code thresholds[t - 1]} (none for t =
   * 0), {@code requiredBy[j]} / {@code excludedBy[j]} the products whose prerequisites / exclusions
   * name product j, {@code needs} the products with prerequisites.
   */
  private record Rules(long[] byAge, double[] thresholds, long[] byIncome, long[] requiredBy, long[] excludedBy,
      long needs) {
    static Rules of(List<Product> products, Map<String, Integer> productIndex) {
      int n = products.size();
      // one entry per age up to the oldest limit named, and one after it for every older age
      int oldest = 0;
      for (Product p : products) {
        oldest = Math.max(oldest, Math.max(p.eligibility().minAge(), p.eligibility().maxAge().orElse(0)));
      }
      long[] byAge = new long[oldest + 2];
      double[] thresholds = new double[n];
      for (int i = 0; i < n; i++) {
        thresholds[i] = products.get(i).eligibility().minIncome();
      }
      java.util.Arrays.sort(thresholds);
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || thresholds[i] != thresholds[distinct - 1]) {
          thresholds[distinct++] = thresholds[i];
        }
      }
      thresholds = java.util.Arrays.copyOf(thresholds, distinct);
      long[] byIncome = new long[thresholds.length + 1];
      long[] requiredBy = new long[n];
      long[] excludedBy = new long[n];
      long needs = 0;
      for (int i = 0; i < n; i++) {
        Eligibility rule = products.get(i).eligibility();
        long bit = 1L << i;
        int to = Math.min(rule.maxAge().orElse(Integer.MAX_VALUE), byAge.length - 1);
        for (int a = Math.max(0, rule.minAge()); a <= to; a++) {
          byAge[a] |= bit;
        }
        for (int t = 0; t < thresholds.length; t++) {
          byIncome[t + 1] |= rule.minIncome() <= thresholds[t] ? bit : 0;
        }
        for (String id : rule.requiresAny()) {
          Integer j = productIndex.get(id);
          if (j != null) {
            requiredBy[j] |= bit;
          }
        }
        for (String id : rule.excludes()) {
          Integer j = productIndex.get(id);
          if (j != null) {
            excludedBy[j] |= bit;
          }
        }
        needs |= rule.requiresAny().isEmpty() ? 0 : bit;
      }
      return new Rules(byAge, thresholds, byIncome, requiredBy, excludedBy, needs);
    }

    /** Sets {@code ok[c]} for customers {@code [from, to)}. */
    void fill(long[] ok, int from, int to, List<Customer> customers, InteractionMatrix held, LocalDate asOf) {
      for (int c = from; c < to; c++) {
        ok[c] = allowed(customers.get(c), held.heldMask(c), asOf);
      }
    }

    /** Bit i set when product i may be offered on {@code asOf} to {@code customer} holding the products of {@code held}. */
    long allowed(Customer customer, long held, LocalDate asOf) {
      LocalDate born = customer.birthDate();
      // whole years on asOf (Customer.ageOn without building a Period), for customers born before it
      int age = born.isAfter(asOf)
          ? customer.ageOn(asOf)
          : asOf.getYear() - born.getYear()
              - (asOf.getMonthValue() * 100 + asOf.getDayOfMonth() < born.getMonthValue() * 100 + born.getDayOfMonth() ? 1 : 0);
      if (age < 0) {
        return 0; // no product is open before birth (minimum ages are at least 0)
      }
      long bits = byAge[Math.min(age, byAge.length - 1)];
      double income = customer.annualIncome();
      int t = 0;
      while (t < thresholds.length && thresholds[t] <= income) {
        t++;
      }
      bits &= byIncome[t];
      long required = 0;
      long excluded = 0;
      for (long m = held; m != 0; m &= m - 1) {
        int j = Long.numberOfTrailingZeros(m);
        required |= requiredBy[j];
        excluded |= excludedBy[j];
      }
      return bits & (~needs | required) & ~excluded;
    }
  }

  /** The generator's true propensities, when {@code truth/product_propensity.csv} was present. */
  public Optional<Propensity> propensity() {
    int n = products.size();
    return propensity.map(values -> (c, i) -> values[c * n + i]);
  }
}
