package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Holdings arrive in any order, with repeats: the matrix must hold each customer's distinct items
 * ascending and each item's customers ascending, whichever way it is built (bit masks up to 64
 * items, sorting above, weighted or not).
 */
class InteractionMatrixPropertiesTest {
  @Property(tries = 300)
  void rowsAndColumnsAreTheDistinctPairsInOrder(
      @ForAll @IntRange(min = 1, max = 60) int customers,
      @ForAll @IntRange(min = 1, max = 100) int items,
      @ForAll @IntRange(min = 0, max = 400) int pairs,
      @ForAll boolean groupedByCustomer,
      @ForAll long seed) {
    Random r = new Random(seed);
    int[] customer = r.ints(pairs, 0, customers).toArray();
    int[] item = r.ints(pairs, 0, items).toArray();
    if (groupedByCustomer) {
      sortByCustomer(customer, item);
    }
    @SuppressWarnings("unchecked")
    TreeSet<Integer>[] rows = new TreeSet[customers];
    @SuppressWarnings("unchecked")
    TreeSet<Integer>[] cols = new TreeSet[items];
    for (int c = 0; c < customers; c++) {
      rows[c] = new TreeSet<>();
    }
    for (int i = 0; i < items; i++) {
      cols[i] = new TreeSet<>();
    }
    for (int p = 0; p < pairs; p++) {
      rows[customer[p]].add(item[p]);
      cols[item[p]].add(customer[p]);
    }
    double[] ones = new double[pairs];
    java.util.Arrays.fill(ones, 1);
    InteractionMatrix binary = InteractionMatrix.binary(customers, items, customer, item);
    InteractionMatrix weighted = InteractionMatrix.weighted(customers, items, customer, item, ones);
    for (InteractionMatrix m : new InteractionMatrix[] {binary, weighted}) {
      int nnz = 0;
      for (int c = 0; c < customers; c++) {
        assertThat(m.itemsOf(c)).containsExactly(rows[c].stream().mapToInt(Integer::intValue).toArray());
        nnz += rows[c].size();
      }
      for (int i = 0; i < items; i++) {
        assertThat(m.customersOf(i)).containsExactly(cols[i].stream().mapToInt(Integer::intValue).toArray());
        assertThat(m.itemSupport(i)).isEqualTo(cols[i].size());
      }
      assertThat(m.nonZeros()).isEqualTo(nnz);
    }
    int[][] asRows = new int[customers][];
    for (int c = 0; c < customers; c++) {
      asRows[c] = rows[c].stream().mapToInt(Integer::intValue).toArray();
    }
    assertThat(binary.fingerprint()).isEqualTo(InteractionMatrix.fromRows(items, asRows).fingerprint());
  }

  private static void sortByCustomer(int[] customer, int[] item) {
    long[] keys = new long[customer.length];
    for (int p = 0; p < keys.length; p++) {
      keys[p] = (long) customer[p] << 32 | p; // stable: items keep their order within a customer
    }
    java.util.Arrays.sort(keys);
    int[] c2 = new int[keys.length];
    int[] i2 = new int[keys.length];
    for (int p = 0; p < keys.length; p++) {
      c2[p] = customer[(int) keys[p]];
      i2[p] = item[(int) keys[p]];
    }
    System.arraycopy(c2, 0, customer, 0, c2.length);
    System.arraycopy(i2, 0, item, 0, i2.length);
  }
}
