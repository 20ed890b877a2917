package dev.bankml.models.segment;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic customers in four well-separated groups, with the mess real extracts have. */
final class Customers {
  final Table table;
  final int[] truth;

  private Customers(Table table, int[] truth) {
    this.table = table;
    this.truth = truth;
  }

  /**
   * {@code n} customers: id, email (PII), a constant column, skewed income, travel and online
   * shares, age with 10 % missing, and a two-level category; group g has distinct means.
   */
  static Customers make(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] incomeMean = {20_000, 45_000, 120_000, 30_000};
    double[] travel = {0.02, 0.10, 0.30, 0.05};
    double[] online = {0.90, 0.70, 0.50, 0.10};
    double[] ageMean = {22, 32, 50, 70};
    List<String> ids = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    List<String> bank = new ArrayList<>();
    List<String> housing = new ArrayList<>();
    double[] income = new double[n];
    double[] travelShare = new double[n];
    double[] onlineShare = new double[n];
    double[] age = new double[n];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      int g = i % 4;
      truth[i] = g;
      ids.add(String.format("C%05d", i));
      emails.add("person" + i + "@example.com");
      bank.add("ACME");
      housing.add(g >= 2 ? "own" : "rent");
      income[i] = incomeMean[g] * Math.exp(0.25 * rnd.nextGaussian());
      travelShare[i] = Math.max(0, travel[g] + 0.02 * rnd.nextGaussian());
      onlineShare[i] = Math.min(1, Math.max(0, online[g] + 0.05 * rnd.nextGaussian()));
      age[i] = rnd.nextDouble() < 0.1 ? Double.NaN : ageMean[g] + 3 * rnd.nextGaussian();
    }
    Table t = Table.of(
        CategoricalColumn.of("customer_id", ids),
        CategoricalColumn.of("email", emails),
        CategoricalColumn.of("bank", bank),
        NumericColumn.of("annual_income", income),
        NumericColumn.of("travel_share", travelShare),
        NumericColumn.of("online_share", onlineShare),
        NumericColumn.of("age", age),
        CategoricalColumn.of("housing", housing));
    return new Customers(t, truth);
  }
}
