package dev.bankml.examples;

import dev.bankml.data.io.AtomicFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A small CSV of made-up loan applications, so the example runs with no data of your own: income,
 * debt-to-income, amount, term, purpose, home ownership, delinquencies and {@code defaulted}
 * (yes/no), drawn from a known logistic model with a few missing values.
 */
public final class DemoApplications {
  private static final String[] PURPOSES = {"car", "home_improvement", "debt_consolidation", "education", "cash"};
  private static final String[] HOMES = {"rent", "mortgage", "own"};

  private DemoApplications() {}

  /** Writes {@code rows} applications drawn with {@code seed} to {@code file} and returns it. */
  public static Path write(Path file, int rows, long seed) {
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder(
        "application_id,annual_income,debt_to_income,amount,term_months,purpose,home_ownership,delinquencies,defaulted\n");
    for (int i = 0; i < rows; i++) {
      double income = Math.exp(10.6 + 0.5 * r.nextGaussian());
      double dti = Math.max(0, 0.25 + 0.12 * r.nextGaussian());
      double amount = Math.round(income * (0.1 + 0.4 * r.nextDouble()) / 100) * 100.0;
      int term = r.nextBoolean() ? 36 : 60;
      String purpose = PURPOSES[r.nextInt(PURPOSES.length)];
      String home = HOMES[r.nextInt(HOMES.length)];
      int delinquencies = r.nextDouble() < 0.8 ? 0 : 1 + r.nextInt(3);
      double logit = -3.0 + 5 * dti + 0.6 * delinquencies + (term == 60 ? 0.4 : 0) + (purpose.equals("cash") ? 0.7 : 0)
          + (home.equals("own") ? -0.4 : 0) - 0.8 * (Math.log(income) - 10.6) + 1.5 * amount / income;
      boolean defaulted = r.nextDouble() < 1 / (1 + Math.exp(-logit));
      s.append(String.format(Locale.ROOT, "A%06d,%s,%.3f,%.0f,%d,%s,%s,%d,%s%n", i,
          r.nextInt(30) == 0 ? "" : String.format(Locale.ROOT, "%.0f", income), dti, amount, term,
          purpose, r.nextInt(40) == 0 ? "NA" : home, delinquencies, defaulted ? "yes" : "no"));
    }
    AtomicFile.writeString(file, s);
    return file;
  }
}
