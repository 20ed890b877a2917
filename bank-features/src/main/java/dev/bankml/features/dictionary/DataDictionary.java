package dev.bankml.features.dictionary;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.MerchantCategory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Readable labels, units, descriptions and groups of columns. {@link #bank()} describes every
 * column of the bank tables and of the loan-application and customer-behaviour views; any other
 * column gets a label derived from its name ({@code txn_count_90d} → {@code Transactions count (90 days)}),
 * so a person never has to read a snake_case name. A CSV file ({@link #read(Path)}) overrides or
 * extends any of it. Immutable.
 */
public final class DataDictionary {
  /** The loan's own terms. */
  public static final String APPLICATION = "Application";
  /** Who applies: demographics, income, employment, relationship with the bank. */
  public static final String APPLICANT = "Applicant";
  /** Debt, delinquencies, inquiries, bureau score. */
  public static final String CREDIT_HISTORY = "Credit history";
  /** Share of spending per merchant category. */
  public static final String SPENDING_MIX = "Spending mix";
  /** Share of transactions per channel. */
  public static final String CHANNEL_MIX = "Channel mix";
  /** Targets and hidden truth. */
  public static final String OUTCOME = "Outcome";
  /** Keys that identify rows. */
  public static final String IDENTIFIERS = "Identifiers";
  /** Columns the dictionary does not know. */
  public static final String OTHER = "Other";

  /** The currency unit of the synthetic bank's amounts. */
  public static final String MONEY = "$";

  private static final Pattern WINDOW = Pattern.compile("^(\\d+)(d|m|y)$");
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("txn", "transactions"), Map.entry("txns", "transactions"), Map.entry("amt", "amount"),
      Map.entry("avg", "average"), Map.entry("cnt", "count"), Map.entry("num", "number"), Map.entry("pct", "%"),
      Map.entry("dti", "debt-to-income"), Map.entry("id", "ID"), Map.entry("pd", "PD"), Map.entry("ltv", "LTV"),
      Map.entry("yrs", "years"), Map.entry("acct", "account"), Map.entry("bal", "balance"),
      Map.entry("qty", "quantity"), Map.entry("dob", "date of birth"), Map.entry("std", "standard deviation"),
      Map.entry("atm", "ATM"), Map.entry("url", "URL"), Map.entry("iban", "IBAN"));

  private static final DataDictionary EMPTY = new DataDictionary(Map.of());
  private static final DataDictionary BANK = new DataDictionary(BankColumns.all());

  private final Map<String, ColumnDescription> columns;

  private DataDictionary(Map<String, ColumnDescription> columns) {
    this.columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** A dictionary that knows no column: every label is derived from the column's name. */
  public static DataDictionary empty() {
    return EMPTY;
  }

  /** Every column of the bank tables and of its loan-application and customer-behaviour views. */
  public static DataDictionary bank() {
    return BANK;
  }

  /** A dictionary of exactly these descriptions. */
  public static DataDictionary of(List<ColumnDescription> descriptions) {
    Map<String, ColumnDescription> m = new LinkedHashMap<>();
    descriptions.forEach(d -> m.put(d.name(), d));
    return new DataDictionary(m);
  }

  /** The description of {@code column}: the known one, else one derived from its name (group {@link #OTHER}). */
  public ColumnDescription describe(String column) {
    ColumnDescription known = columns.get(column);
    return known != null ? known : derived(column);
  }

  /** Whether {@code column} has a description of its own (not derived from its name). */
  public boolean knows(String column) {
    return columns.containsKey(column);
  }

  /** Every description this dictionary holds, in its order. */
  public List<ColumnDescription> descriptions() {
    return List.copyOf(columns.values());
  }

  /** The descriptions this dictionary knows of {@code columns} (a model's inputs), in that order. */
  public DataDictionary select(List<String> columns) {
    Map<String, ColumnDescription> m = new LinkedHashMap<>();
    for (String c : columns) {
      ColumnDescription d = this.columns.get(c);
      if (d != null) {
        m.put(c, d);
      }
    }
    return new DataDictionary(m);
  }

  /**
   * This dictionary with every description of {@code overrides} replacing or adding to its own; the
   * readable values (levels) of both are kept, the override's winning for the same value.
   */
  public DataDictionary withOverrides(DataDictionary overrides) {
    Map<String, ColumnDescription> m = new LinkedHashMap<>(columns);
    overrides.columns.forEach((name, d) -> {
      ColumnDescription old = m.get(name);
      m.put(name, old == null ? d : new ColumnDescription(d.name(), d.label(), d.unit(), d.description(), d.group(),
          old.levels()).withLevels(d.levels()));
    });
    return new DataDictionary(m);
  }

  /** This dictionary with readable labels for some values of {@code column} (e.g. product names). */
  public DataDictionary withLevels(String column, Map<String, String> levels) {
    Map<String, ColumnDescription> m = new LinkedHashMap<>(columns);
    m.put(column, describe(column).withLevels(levels));
    return new DataDictionary(m);
  }

  /**
   * Reads a dictionary CSV: a header naming {@code column} and {@code label} and optionally
   * {@code unit}, {@code description} and {@code group}, then one row per column. Blank optional
   * cells take the built-in or derived value. Refused with the line number when a row has no column
   * name or label, or a column appears twice.
   */
  public static DataDictionary read(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).build();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("column") || !header.contains("label")) {
        throw new BankmlException(file + ": line 1 must name the columns 'column' and 'label' (and optionally "
            + "'unit', 'description', 'group'); found " + header);
      }
      Map<String, ColumnDescription> m = new LinkedHashMap<>();
      for (CSVRecord r : parser) {
        String where = file + ": line " + parser.getCurrentLineNumber();
        String name = cell(r, "column");
        String label = cell(r, "label");
        if (name.isEmpty() || label.isEmpty()) {
          throw new BankmlException(where + ": every row needs a column name and a label");
        }
        if (m.containsKey(name)) {
          throw new BankmlException(where + ": column '" + name + "' is described twice");
        }
        ColumnDescription base = BANK.describe(name);
        m.put(name, new ColumnDescription(name, label, or(cell(r, "unit"), base.unit()),
            or(cell(r, "description"), base.description()), or(cell(r, "group"), base.group()), base.levels()));
      }
      return new DataDictionary(m);
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new BankmlException("cannot read the data dictionary " + file + ": " + e.getMessage(), e);
    }
  }

  private static String cell(CSVRecord r, String name) {
    return r.isMapped(name) && r.isSet(name) ? r.get(name).trim() : "";
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /**
   * A readable label made from a column name: words split at underscores, hyphens and camel case,
   * common abbreviations spelled out, a trailing window such as {@code 90d} written as {@code (90 days)},
   * the first letter capitalised: {@code txn_count_90d} → {@code Transactions count (90 days)}.
   */
  public static String readableLabel(String name) {
    List<String> words = new ArrayList<>();
    String window = "";
    String spaced = name.trim().replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    for (String raw : spaced.split("[_\\-\\s.]+")) {
      if (raw.isEmpty()) {
        continue;
      }
      String w = raw.toLowerCase(Locale.ROOT);
      Matcher m = WINDOW.matcher(w);
      if (m.matches()) {
        String unit = switch (m.group(2)) {
          case "d" -> "days";
          case "m" -> "months";
          default -> "years";
        };
        window = " (" + m.group(1) + " " + unit + ")";
        continue;
      }
      words.add(WORDS.getOrDefault(w, w));
    }
    if (words.isEmpty()) {
      return name.isBlank() ? "Column" : name.trim() + window;
    }
    String text = String.join(" ", words);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + window;
  }

  /** A readable category value: {@code SELF_EMPLOYED} → {@code Self employed}; other values unchanged. */
  public static String readableLevel(String value) {
    if (!value.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}")) {
      return value;
    }
    List<String> words = new ArrayList<>();
    for (String w : value.toLowerCase(Locale.ROOT).split("_")) {
      words.add(WORDS.getOrDefault(w, w));
    }
    String text = String.join(" ", words);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static ColumnDescription derived(String column) {
    String lower = column.toLowerCase(Locale.ROOT);
    String unit = lower.endsWith("_months") ? "months" : lower.endsWith("_days") ? "days"
        : lower.endsWith("_years") ? "years" : lower.endsWith("_pct") || lower.endsWith("_percent") ? "%" : "";
    return new ColumnDescription(column, readableLabel(column), unit, "", OTHER, Map.of());
  }

  /** The group of the account-behaviour window of {@code days} days, e.g. {@code Account behaviour · 90 days}. */
  public static String behaviour(int days) {
    return "Account behaviour · " + days + " days";
  }

  /** The descriptions as plain maps (name, label, unit, description, group), for a model bundle's manifest. */
  public List<Map<String, Object>> toManifest() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ColumnDescription d : columns.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      m.put("label", d.label());
      m.put("unit", d.unit());
      m.put("description", d.description());
      m.put("group", d.group());
      if (!d.levels().isEmpty()) {
        m.put("levels", new java.util.TreeMap<>(d.levels()));
      }
      out.add(m);
    }
    return out;
  }

  /** Reads what {@link #toManifest()} wrote; entries that are not such maps are skipped. */
  public static DataDictionary fromManifest(Object value) {
    if (!(value instanceof List<?> list)) {
      return EMPTY;
    }
    List<ColumnDescription> out = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof Map<?, ?> m && m.get("name") instanceof String name && m.get("label") instanceof String label) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (m.get("levels") instanceof Map<?, ?> lv) {
          lv.forEach((k, v) -> levels.put(String.valueOf(k), String.valueOf(v)));
        }
        out.add(new ColumnDescription(name, label, text(m.get("unit")), text(m.get("description")),
            m.get("group") instanceof String g ? g : OTHER, levels));
      }
    }
    return of(out);
  }

  private static String text(Object o) {
    return o instanceof String s ? s : "";
  }

  /** The built-in descriptions of the bank's columns. */
  static final class BankColumns {
    private BankColumns() {}

    static Map<String, ColumnDescription> all() {
      Map<String, ColumnDescription> m = new LinkedHashMap<>();
      // identifiers and outcomes
      put(m, "loan_id", "Loan ID", "", "The bank's reference of the loan.", IDENTIFIERS);
      put(m, "customer_id", "Customer ID", "", "The bank's reference of the customer.", IDENTIFIERS);
      put(m, "product_id", "Product", "", "The loan product applied for.", APPLICATION);
      put(m, "application_date", "Application date", "", "The day the application was made.", APPLICATION);
      // the loan's terms
      put(m, "amount", "Loan amount", MONEY, "Amount borrowed.", APPLICATION);
      put(m, "term_months", "Term", "months", "Months to repay the loan.", APPLICATION);
      put(m, "interest_rate", "Interest rate", "per year, 0.05 = 5 %", "Annual interest rate offered.", APPLICATION);
      put(m, "grade", "Bank grade", "", "The grade the bank priced the loan at, A best to G worst.", APPLICATION);
      put(m, "purpose", "Purpose", "", "What the money is for.", APPLICATION);
      put(m, "loan_to_income", "Loan to income", "ratio", "Loan amount divided by annual income.", APPLICATION);
      put(m, "instalment_to_income", "Instalment to income", "ratio",
          "Monthly instalment (annuity) divided by monthly income.", APPLICATION);
      // credit history
      put(m, "debt_to_income", "Debt-to-income ratio", "ratio", "Monthly debt payments divided by monthly income.",
          CREDIT_HISTORY);
      put(m, "existing_debt", "Existing debt", MONEY, "Debt the applicant already owes.", CREDIT_HISTORY);
      put(m, "delinquencies", "Past delinquencies", "count", "Payments 30+ days late on the credit file.",
          CREDIT_HISTORY);
      put(m, "recent_inquiries", "Recent credit inquiries", "count", "Credit applications elsewhere recently.",
          CREDIT_HISTORY);
      put(m, "credit_score", "Bureau credit score", "points", "The credit bureau's score; higher is safer.",
          CREDIT_HISTORY);
      // the applicant
      put(m, "birth_date", "Birth date", "", "The customer's date of birth.", APPLICANT);
      put(m, "age_at_application", "Age", "years", "The applicant's age on the application day.", APPLICANT);
      put(m, "age", "Age", "years", "The customer's age today.", APPLICANT);
      put(m, "annual_income", "Annual income", MONEY + " per year", "Declared gross income per year.", APPLICANT);
      put(m, "employment_status", "Employment", "", "Employed, self-employed, student, retired, …", APPLICANT);
      put(m, "employment_years", "Years in employment", "years", "Years with the current employer or business.",
          APPLICANT);
      put(m, "home_ownership", "Home", "", "Owns, rents, mortgage, lives with family.", APPLICANT);
      put(m, "education", "Education", "", "Highest education completed.", APPLICANT);
      put(m, "marital_status", "Marital status", "", "Protected: reported for fairness, never a model input by default.",
          APPLICANT);
      put(m, "dependents", "Dependents", "count", "People financially dependent on the applicant.", APPLICANT);
      put(m, "customer_since", "Customer since", "", "The day the customer joined the bank.", APPLICANT);
      put(m, "tenure_months", "Customer for", "months", "Months since the customer joined the bank.", APPLICANT);
      put(m, "products_held", "Products held", "count", "The bank's products the customer holds.", APPLICANT);
      // account behaviour per window
      for (int days : new int[] {90, 180, 365}) {
        String w = "_" + days + "d";
        String g = behaviour(days);
        String in = " in the last " + days + " days";
        // the window is in the label too: charts and reasons list the three windows side by side
        String of = " (" + days + " days)";
        put(m, "txn_count" + w, "Transactions" + of, "count", "Transactions on the customer's accounts" + in + ".", g);
        put(m, "spend" + w, "Spending" + of, MONEY, "Money paid out (debits)" + in + ".", g);
        put(m, "income_credits" + w, "Income received" + of, MONEY, "Salary, pension and business income" + in + ".", g);
        put(m, "net_flow" + w, "Net flow" + of, MONEY, "Money in minus money out" + in + ".", g);
        put(m, "cash_share" + w, "Cash share" + of, "share 0–1", "Share of spending taken as cash" + in + ".", g);
        put(m, "gambling_share" + w, "Gambling share" + of, "share 0–1", "Share of spending on gambling" + in + ".", g);
        put(m, "returned_payments" + w, "Returned payments" + of, "count",
            "Direct debits that bounced for lack of funds" + in + ".", g);
      }
      put(m, "buffer_months_180d", "Savings buffer", "months of income",
          "Net flow of the last 180 days in months of income.", behaviour(180));
      put(m, "days_since_last_txn", "Days since last transaction", "days", "Days since any transaction.",
          behaviour(365));
      put(m, "days_since_income", "Days since income", "days",
          "Days since the last salary, pension, business income or incoming transfer.", behaviour(365));
      put(m, "avg_txn_amount_365d", "Average transaction", MONEY, "Average amount per transaction over 365 days.",
          behaviour(365));
      put(m, "net_flow_volatility_365d", "Net-flow volatility", MONEY,
          "Standard deviation of the twelve 30-day net flows of the last 365 days.", behaviour(365));
      // customer-behaviour view (segmentation)
      put(m, "recency_days", "Days since last transaction", "days", "Days since the customer's latest transaction.",
          behaviour(365));
      put(m, "frequency_365d", "Transactions", "count", "Transactions in the last 365 days.", behaviour(365));
      put(m, "monetary_365d", "Spending", MONEY, "Money paid out (debits) in the last 365 days.", behaviour(365));
      put(m, "income_credits_365d", "Income received", MONEY,
          "Salary, pension and business income in the last 365 days.", behaviour(365));
      for (MerchantCategory c : MerchantCategory.values()) {
        if (c.direction() != Direction.DEBIT) {
          continue;
        }
        String what = readableLevel(c.name()).toLowerCase(Locale.ROOT);
        String label = readableLevel(c.name()) + " share";
        String description = "Share of spending on " + what;
        String key = c.name().toLowerCase(Locale.ROOT);
        put(m, "share_" + key + "_365d", label, "share 0–1", description + " in the last 365 days.", SPENDING_MIX);
        put(m, "share_" + key, label, "share 0–1", description + " in the last 365 days.", SPENDING_MIX);
      }
      for (Channel ch : Channel.values()) {
        String what = readableLevel(ch.name());
        put(m, "channel_" + ch.name().toLowerCase(Locale.ROOT), what + " share", "share 0–1",
            "Share of transactions made by " + what.toLowerCase(Locale.ROOT) + " in the last 365 days.", CHANNEL_MIX);
      }
      // transactions table
      put(m, "timestamp", "Time", "", "When the transaction was made.", OTHER);
      put(m, "direction", "Direction", "", "Debit (money out) or credit (money in).", OTHER);
      put(m, "category", "Category", "", "What the transaction paid for or where money came from.", OTHER);
      put(m, "channel", "Channel", "", "Card, online, ATM, branch or direct debit.", OTHER);
      // outcomes and the hidden truth
      put(m, "defaulted", "Defaulted", "", "Whether the loan defaulted (the target).", OUTCOME);
      put(m, "true_pd", "True probability of default", "probability",
          "The generator's hidden probability of default (truth, never a model input).", OUTCOME);
      put(m, "persona", "Persona", "", "The generator's hidden persona (truth, never a model input).", OUTCOME);
      return m;
    }

    private static void put(Map<String, ColumnDescription> m, String name, String label, String unit,
        String description, String group) {
      m.put(name, new ColumnDescription(name, label, unit, description, group, Map.of()));
    }
  }
}
