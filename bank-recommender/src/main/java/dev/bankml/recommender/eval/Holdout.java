package dev.bankml.recommender.eval;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.RecommenderInputException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Holdings split into what a recommender learns from ({@code train}) and what it must predict
 * ({@code test[c]}: items customer c holds in truth but not in {@code train}; empty when there is
 * nothing to predict).
 */
public record Holdout(InteractionMatrix train, int[][] test) {

  /** Checks that there is one test list per training customer. */
  public Holdout {
    if (test.length != train.customers()) {
      throw new RecommenderInputException(
          "got test items for " + test.length + " customers but the training matrix has " + train.customers());
    }
  }

  /** How many customers have something to predict. */
  public int evaluatedCustomers() {
    int n = 0;
    for (int[] t : test) {
      n += t.length > 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * Leave-k-out: every customer holding more than {@code k} items has {@code k} of them, drawn at
   * random with {@code seed}, moved to the test set; the same seed gives the same split.
   */
  public static Holdout leaveKOut(InteractionMatrix holdings, int k, long seed) {
    if (k < 1) {
      throw new RecommenderInputException("leave-k-out k is " + k + "; valid: ≥ 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int customers = holdings.customers();
    int[][] test = new int[customers][];
    int[][] train = new int[customers][];
    for (int c = 0; c < customers; c++) {
      int[] row = holdings.itemsOf(c);
      if (row.length <= k) {
        train[c] = row;
        test[c] = new int[0];
        continue;
      }
      for (int p = 0; p < k; p++) {
        int q = p + random.nextInt(row.length - p);
        int tmp = row[p];
        row[p] = row[q];
        row[q] = tmp;
      }
      test[c] = Arrays.copyOf(row, k);
      Arrays.sort(test[c]);
      train[c] = Arrays.copyOfRange(row, k, row.length);
    }
    InteractionMatrix m = InteractionMatrix.fromRows(holdings.items(), train).withItemLabels(holdings.itemLabels());
    return new Holdout(m, test);
  }

  /**
   * Temporal split: holdings opened before {@code cutoffDay} (epoch day) train; items opened on or
   * after it that the customer did not already hold are what must be predicted.
   *
   * @param customer customer index of each holding
   * @param item item index of each holding
   * @param openedDay epoch day each holding was opened
   */
  public static Holdout temporal(
      int customers, List<String> itemLabels, int[] customer, int[] item, long[] openedDay, long cutoffDay) {
    if (customer.length != item.length || item.length != openedDay.length) {
      throw new RecommenderInputException(
          "customer, item and opened-day arrays have " + customer.length + ", " + item.length + " and "
              + openedDay.length + " entries; they must be parallel arrays of the same length");
    }
    int before = 0;
    for (long d : openedDay) {
      before += d < cutoffDay ? 1 : 0;
    }
    int[] tc = new int[before];
    int[] ti = new int[before];
    int[] ac = new int[customer.length - before];
    int[] ai = new int[customer.length - before];
    int b = 0;
    int a = 0;
    for (int p = 0; p < customer.length; p++) {
      if (openedDay[p] < cutoffDay) {
        tc[b] = customer[p];
        ti[b++] = item[p];
      } else {
        ac[a] = customer[p];
        ai[a++] = item[p];
      }
    }
    int items = itemLabels.size();
    InteractionMatrix train = InteractionMatrix.binary(customers, items, tc, ti).withItemLabels(itemLabels);
    InteractionMatrix after = InteractionMatrix.binary(customers, items, ac, ai);
    int[][] test = new int[customers][];
    for (int c = 0; c < customers; c++) {
      int[] later = after.itemsOf(c);
      int n = 0;
      for (int i : later) {
        if (!train.holds(c, i)) {
          later[n++] = i;
        }
      }
      test[c] = Arrays.copyOf(later, n);
    }
    return new Holdout(train, test);
  }
}
