package dev.bankml.data.synth;

import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Persona;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** What each hidden persona looks like: demographics, spending mix, channel use, product affinity. */
record PersonaProfile(
    int minAge,
    int maxAge,
    double incomeMedian,
    double incomeSigma,
    double[] employment,
    double[] home,
    double[] marital,
    int maxDependents,
    double minTenureYears,
    double maxTenureYears,
    double scoreOffset,
    double stressOffset,
    double savingsOffset,
    double monthlyPurchases,
    double[] spending,
    double[] channels,
    double loanProbability,
    int[] productAffinity) {

  /** The discretionary spending categories, in the order of {@link #spending}. */
  static final MerchantCategory[] SPENDING = {
    MerchantCategory.GROCERIES, MerchantCategory.RESTAURANTS, MerchantCategory.ENTERTAINMENT,
    MerchantCategory.SHOPPING, MerchantCategory.TRAVEL, MerchantCategory.TRANSPORT, MerchantCategory.HEALTH,
    MerchantCategory.EDUCATION, MerchantCategory.CHILDCARE, MerchantCategory.BUSINESS_SUPPLIES,
    MerchantCategory.CASH_WITHDRAWAL, MerchantCategory.INVESTMENT_TRANSFER, MerchantCategory.TRANSFER_OUT
  };

  /** Typical size of one purchase in each category, relative to groceries. */
  static final double[] TICKET = {1, 0.8, 0.7, 1.5, 3, 0.5, 1.2, 2, 2, 2.5, 1.5, 3, 2};

  static final EmploymentStatus[] EMPLOYMENT = EmploymentStatus.values();
  static final HomeOwnership[] HOME = HomeOwnership.values();
  static final MaritalStatus[] MARITAL = MaritalStatus.values();

  /** The profiles, from the table {@code personas.tsv} beside this class: one line per persona. */
  private static final Map<Persona, PersonaProfile> PROFILES = load("personas.tsv");

  private static Map<Persona, PersonaProfile> load(String resource) {
    CSVFormat tsv = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
    Map<Persona, PersonaProfile> profiles = new EnumMap<>(Persona.class);
    try (InputStream in = PersonaProfile.class.getResourceAsStream(resource);
        CSVParser rows = CSVParser.parse(in, StandardCharsets.UTF_8, tsv)) {
      for (CSVRecord r : rows) {
        profiles.put(Persona.valueOf(r.get("persona")), new PersonaProfile(
            Integer.parseInt(r.get("min_age")), Integer.parseInt(r.get("max_age")),
            number(r, "income_median"), number(r, "income_sigma"),
            numbers(r, "employment"), numbers(r, "home"), numbers(r, "marital"),
            Integer.parseInt(r.get("max_dependents")), number(r, "min_tenure_years"), number(r, "max_tenure_years"),
            number(r, "score_offset"), number(r, "stress_offset"), number(r, "savings_offset"),
            number(r, "monthly_purchases"), numbers(r, "spending"), numbers(r, "channels"),
            number(r, "loan_probability"),
            Arrays.stream(numbers(r, "product_affinity")).mapToInt(a -> (int) a).toArray()));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the persona table " + resource + " cannot be read: " + e.getMessage(), e);
    }
    if (profiles.size() != Persona.values().length) {
      throw new IllegalStateException("the persona table " + resource + " has " + profiles.keySet()
          + "; it needs every persona of " + Arrays.toString(Persona.values()));
    }
    return profiles;
  }

  private static double number(CSVRecord r, String column) {
    return Double.parseDouble(r.get(column));
  }

  /** A cell of numbers separated by spaces. */
  private static double[] numbers(CSVRecord r, String column) {
    return Arrays.stream(r.get(column).trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
  }

  static PersonaProfile of(Persona p) {
    return PROFILES.get(p);
  }
}
