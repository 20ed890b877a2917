package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code recommendAll} scores small catalogues once per distinct held set, eligible set and segment
 * ({@link HeldSetRankings}); every customer must still get exactly the list, scores and reasons of
 * scoring them one at a time ({@link Scorer}), whatever the eligibility, segments, blend and k.
 */
class HeldSetRankingsTest {
  record Case(InteractionMatrix m, int[] segments, RecommenderSpec spec, int k, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 300),
            Arbitraries.integers().between(1, 64),
            Arbitraries.integers().between(1, 10),
            Arbitraries.of(Similarity.class),
            Arbitraries.longs())
        .as((customers, items, k, kind, seed) -> {
          Random r = new Random(seed);
          // few distinct holding sets, as in a bank: rows drawn from a small pool, some edited
          int[][] pool = new int[1 + r.nextInt(20)][];
          for (int s = 0; s < pool.length; s++) {
            pool[s] = r.ints(r.nextInt(Math.min(items, 6) + 1), 0, items).toArray();
          }
          int[][] rows = new int[customers][];
          for (int c = 0; c < customers; c++) {
            rows[c] = r.nextInt(4) == 0
                ? r.ints(r.nextInt(items + 1), 0, items).toArray()
                : pool[r.nextInt(pool.length)].clone();
          }
          int[] segments = r.nextBoolean() ? new int[0] : r.ints(customers, 0, 1 + r.nextInt(3)).toArray();
          RecommenderSpec spec = RecommenderSpec.builder()
              .similarity(kind)
              .neighbours(1 + r.nextInt(items + 2))
              .normalizeNeighbours(r.nextBoolean())
              .shrinkage(r.nextBoolean() ? 0 : 2)
              .blendBelow(r.nextInt(4))
              .blendWeight(new double[] {0, 0.1, 0.5}[r.nextInt(3)])
              .build();
          return new Case(InteractionMatrix.fromRows(items, rows), segments, spec, k, seed);
        });
  }

  @Property(tries = 300)
  void everyCustomerAtOnceRanksAsOneCustomerAtATime(@ForAll("cases") Case c) {
    InteractionMatrix m = c.m();
    ItemRecommender rec = c.spec().fit(m, c.segments());
    OfferFilter eligible = (customer, item) -> Math.floorMod(customer * 31 + item * 17 + c.seed(), 4) != 0;
    TopK all = rec.recommendAll(m, c.k(), eligible, c.segments(), ProgressListener.NONE);
    for (int customer = 0; customer < m.customers(); customer++) {
      int segment = c.segments().length == 0 ? ItemRecommender.NO_SEGMENT : c.segments()[customer];
      assertThat(all.of(customer))
          .as("customer %d holding %s", customer, java.util.Arrays.toString(m.itemsOf(customer)))
          .isEqualTo(rec.recommend(customer, m.itemsOf(customer), segment, c.k(), eligible));
    }
  }

  @Property(tries = 100)
  void keysPastTheMemoryCapAreScoredForEachCustomerAlike(@ForAll("cases") Case c) {
    InteractionMatrix m = c.m();
    ItemRecommender rec = c.spec().fit(m, c.segments());
    int k = Math.min(c.k(), m.items());
    int customers = m.customers();
    OfferFilter eligible = (customer, item) -> Math.floorMod(customer * 13 + item * 7 + c.seed(), 3) != 0;
    Scorer one = new Scorer(rec.similarity(), rec.popularity(), rec.spec(), k);
    // remembers only the first two keys, then scores every other customer into a row of its own
    int[] rowOf = new int[customers];
    HeldSetRankings capped = new HeldSetRankings(rec, k, m, eligible, c.segments(), rowOf, 2);
    capped.fill(0, customers);
    int rows = capped.rows();
    assertThat(rows).isLessThanOrEqualTo(customers);
    TopK.Rows lists = new TopK.Rows(rows, k);
    capped.copyRows(0, lists);
    TopK.Rows alone = new TopK.Rows(1, k);
    for (int customer = 0; customer < customers; customer++) {
      int[] held = m.itemsOf(customer);
      int segment = c.segments().length == 0 ? ItemRecommender.NO_SEGMENT : c.segments()[customer];
      int got = one.score(customer, held, 0, held.length, segment, k, eligible, alone, 0);
      int at = rowOf[customer] * k;
      assertThat(lists.count[rowOf[customer]]).isEqualTo(got);
      assertThat(java.util.Arrays.copyOfRange(lists.item, at, at + got)).isEqualTo(java.util.Arrays.copyOf(alone.item, got));
      assertThat(java.util.Arrays.copyOfRange(lists.score, at, at + got)).isEqualTo(java.util.Arrays.copyOf(alone.score, got));
      assertThat(java.util.Arrays.copyOfRange(lists.because, at, at + got))
          .isEqualTo(java.util.Arrays.copyOf(alone.because, got));
      assertThat(java.util.Arrays.copyOfRange(lists.becauseSim, at, at + got))
          .isEqualTo(java.util.Arrays.copyOf(alone.becauseSim, got));
    }
  }

  @Property(tries = 100)
  void maskedEligibilityGivesTheListsOfTheSameRulesAskedItemByItem(@ForAll("cases") Case c) {
    InteractionMatrix m = c.m();
    ItemRecommender rec = c.spec().fit(m, c.segments());
    long[] allowed = new Random(c.seed()).longs(m.customers()).toArray();
    OfferFilter masks = OfferFilter.ofMasks(allowed);
    OfferFilter asked = (customer, item) -> (allowed[customer] >>> item & 1) != 0;
    TopK byMask = rec.recommendAll(m, c.k(), masks, c.segments(), ProgressListener.NONE);
    TopK byItem = rec.recommendAll(m, c.k(), asked, c.segments(), ProgressListener.NONE);
    for (int customer = 0; customer < m.customers(); customer++) {
      assertThat(byMask.of(customer)).isEqualTo(byItem.of(customer));
    }
  }

  @Property(tries = 5)
  void workersSharingTheCustomersGiveTheListsOfOne(@ForAll long seed) {
    Random r = new Random(seed);
    int customers = 40_000 + r.nextInt(10_000); // several chunks of 8,192
    int items = 5 + r.nextInt(20);
    int[][] rows = new int[customers][];
    for (int c = 0; c < customers; c++) {
      rows[c] = r.ints(r.nextInt(5), 0, items).toArray();
    }
    InteractionMatrix m = InteractionMatrix.fromRows(items, rows);
    ItemRecommender rec = RecommenderSpec.defaults().fit(m);
    long[] allowed = r.longs(customers).toArray();
    OfferFilter eligible = OfferFilter.ofMasks(allowed);
    TopK one = rec.recommendBySet(m, Math.min(7, items), eligible, new int[0], ProgressListener.NONE, false, 1);
    TopK three = rec.recommendBySet(m, Math.min(7, items), eligible, new int[0], ProgressListener.NONE, false, 3);
    for (int c = 0; c < customers; c++) {
      assertThat(three.of(c)).isEqualTo(one.of(c));
    }
  }
}
