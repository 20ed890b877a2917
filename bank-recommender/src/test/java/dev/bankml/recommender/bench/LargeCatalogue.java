package dev.bankml.recommender.bench;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.TopK;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Shows that a merchant-offer catalogue fits in a few GiB: CUSTOMERS customers × ITEMS items with
 * HOLDINGS distinct interactions each (Zipf-like item popularity, customers clustered in taste
 * groups), fitted with sparse top-100 neighbours, then top-10 for every customer. Run with a
 * heap limit, e.g. {@code java -Xmx2g ... LargeCatalogue 100000 10000 30}; prints timings and the
 * peak heap after collections.
 */
public final class LargeCatalogue {
  private LargeCatalogue() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) {
    int customers = Integer.parseInt(args[0]);
    int items = Integer.parseInt(args[1]);
    int perCustomer = Integer.parseInt(args[2]);
    SplittableRandom random = new SplittableRandom(42);
    int groups = 200;
    int[] customer = new int[customers * perCustomer];
    int[] item = new int[customers * perCustomer];
    int nnz = 0;
    for (int c = 0; c < customers; c++) {
      int group = random.nextInt(groups);
      int[] row = new int[perCustomer];
      int got = 0;
      while (got < perCustomer) {
        // half from the taste group's 300 items, half from a Zipf-like global popularity
        int i = random.nextBoolean()
            ? (group * 50 + random.nextInt(300)) % items
            : (int) Math.min(items - 1, Math.floor(Math.expm1(random.nextDouble() * Math.log1p(items))));
        boolean dup = false;
        for (int q = 0; q < got; q++) {
          dup |= row[q] == i;
        }
        if (!dup) {
          row[got++] = i;
        }
      }
      for (int i : row) {
        customer[nnz] = c;
        item[nnz++] = i;
      }
    }
    long t0 = System.nanoTime();
    InteractionMatrix m = InteractionMatrix.binary(customers, items, Arrays.copyOf(customer, nnz), Arrays.copyOf(item, nnz));
    customer = null;
    item = null;
    long t1 = System.nanoTime();
    ItemRecommender model = RecommenderSpec.builder().neighbours(100).build().fit(m);
    long t2 = System.nanoTime();
    TopK top = model.recommendAll(m, 10);
    long t3 = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT,
        "%d customers x %d items, %d interactions: matrix %.2f s, fit %.2f s, top-10 for all %.2f s; "
            + "max heap %.2f GiB, peak heap used %.2f GiB; customer 0 gets %s%n",
        customers, items, m.nonZeros(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
        Runtime.getRuntime().maxMemory() / (double) (1L << 30), peak / (double) (1L << 30),
        Arrays.toString(top.itemsOf(0)));
  }
}
