package dev.bankml.data.io;

/** The file names of a bank directory, relative to it, as {@code bankml generate} writes them. */
public final class BankFiles {
  private BankFiles() {}

  /** {@code customers.csv}. */
  public static final String CUSTOMERS = "customers.csv";
  /** {@code loans.csv}. */
  public static final String LOANS = "loans.csv";
  /** {@code transactions.csv}. */
  public static final String TRANSACTIONS = "transactions.csv";
  /** {@code products.csv}. */
  public static final String PRODUCTS = "products.csv";
  /** {@code holdings.csv}. */
  public static final String HOLDINGS = "holdings.csv";
  /** The directory of the hidden truth, {@code truth}. */
  public static final String TRUTH_DIR = "truth";
  /** {@code truth/loan_default_probability.csv}. */
  public static final String LOAN_DEFAULT_PROBABILITY = "truth/loan_default_probability.csv";
  /** {@code truth/customer_persona.csv}. */
  public static final String CUSTOMER_PERSONA = "truth/customer_persona.csv";
  /** {@code truth/product_propensity.csv}. */
  public static final String PRODUCT_PROPENSITY = "truth/product_propensity.csv";
}
