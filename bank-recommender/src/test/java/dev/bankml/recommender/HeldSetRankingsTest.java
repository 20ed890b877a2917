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
 * {@code recommendAll} ranks small catalogues once per distinct held set ({@link HeldSetRankings});
 * every customer must still get exactly the list, scores and reasons of scoring them one at a time
 * ({@link Scorer}), whatever the eligibility, segments, blend and k.
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
  void setsRankedPastTheMemoryCapAreRankedForEachCustomerAlike(@ForAll("cases") Case c) {
    InteractionMatrix m = c.m();
    ItemRecommender rec = c.spec().fit(m, c.segments());
    int n = m.items();
    int k = Math.min(c.k(), n);
    OfferFilter eligible = (customer, item) -> Math.floorMod(customer * 13 + item * 7 + c.seed(), 3) != 0;
    Scorer one = new Scorer(rec.similarity(), rec.popularity(), rec.spec(), k);
    // keeps only the first set or two, then ranks every other set afresh for each customer
    HeldSetRankings capped = new HeldSetRankings(rec.similarity(), rec.popularity(), rec.spec(), k, 2 * n);
    int[] item = new int[k];
    float[] score = new float[k];
    int[] because = new int[k];
    float[] sim = new float[k];
    int[] item2 = new int[k];
    float[] score2 = new float[k];
    int[] because2 = new int[k];
    float[] sim2 = new float[k];
    for (int customer = 0; customer < m.customers(); customer++) {
      int[] held = m.itemsOf(customer);
      int segment = c.segments().length == 0 ? ItemRecommender.NO_SEGMENT : c.segments()[customer];
      int got = one.score(customer, held, 0, held.length, segment, k, eligible, item, score, because, sim, 0);
      int got2 = capped.score(customer, held, 0, held.length, segment, k, eligible, item2, score2, because2, sim2, 0);
      assertThat(got2).isEqualTo(got);
      assertThat(item2).isEqualTo(item);
      assertThat(score2).isEqualTo(score);
      assertThat(because2).isEqualTo(because);
      assertThat(sim2).isEqualTo(sim);
    }
  }
}
