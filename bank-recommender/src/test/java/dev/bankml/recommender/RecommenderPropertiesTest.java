package dev.bankml.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.recommender.eval.Holdout;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RecommenderPropertiesTest {
  record Case(InteractionMatrix m, long seed) {}

  @Provide
  Arbitrary<Case> holdings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 12), Arbitraries.longs())
        .as((customers, items, seed) -> {
          Random r = new Random(seed);
          int[][] rows = new int[customers][];
          for (int c = 0; c < customers; c++) {
            rows[c] = r.ints(r.nextInt(items + 1), 0, items).toArray();
          }
          return new Case(InteractionMatrix.fromRows(items, rows), seed);
        });
  }

  @Property(tries = 200)
  void cosineAndJaccardAreSymmetric(@ForAll("holdings") Case c, @ForAll boolean jaccard) {
    Similarity kind = jaccard ? Similarity.JACCARD : Similarity.COSINE;
    ItemSimilarity s = RecommenderSpec.builder().similarity(kind).build().fit(c.m()).similarity();
    for (int i = 0; i < s.items(); i++) {
      for (int j = 0; j < s.items(); j++) {
        assertThat(s.similarity(i, j)).isEqualTo(s.similarity(j, i));
      }
    }
  }

  @Property(tries = 200)
  void heldAndIneligibleItemsAreNeverRecommended(@ForAll("holdings") Case c, @ForAll("kinds") Similarity kind) {
    InteractionMatrix m = c.m();
    OfferFilter eligible = (customer, item) -> (customer * 31 + item * 17 + c.seed()) % 3 != 0;
    ItemRecommender r = RecommenderSpec.builder().similarity(kind).build().fit(m);
    TopK all = r.recommendAll(m, 5, eligible, new int[0], ProgressListener.NONE);
    for (int customer = 0; customer < m.customers(); customer++) {
      int eligibleUnheld = 0;
      for (int i = 0; i < m.items(); i++) {
        eligibleUnheld += !m.holds(customer, i) && eligible.eligible(customer, i) ? 1 : 0;
      }
      assertThat(all.count(customer)).isEqualTo(Math.min(Math.min(5, m.items()), eligibleUnheld));
      for (int item : all.itemsOf(customer)) {
        assertThat(m.holds(customer, item)).isFalse();
        assertThat(eligible.eligible(customer, item)).isTrue();
      }
    }
  }

  @Property(tries = 100)
  void resultsAreDeterministicForASeed(@ForAll("holdings") Case c, @ForAll("kinds") Similarity kind) {
    Holdout a = Holdout.leaveKOut(c.m(), 1, c.seed());
    Holdout b = Holdout.leaveKOut(c.m(), 1, c.seed());
    assertThat(a.test()).isDeepEqualTo(b.test());
    RecommenderSpec spec = RecommenderSpec.builder().similarity(kind).threads(2).build();
    int[][] first = spec.fit(a.train()).recommendAll(a.train(), 3).lists();
    int[][] second = spec.fit(b.train()).recommendAll(b.train(), 3).lists();
    assertThat(first).isDeepEqualTo(second);
  }

  @Property(tries = 100)
  void topNKeepsExactlyTheNMostSimilarOfTheFullRow(@ForAll("holdings") Case c, @ForAll("kinds") Similarity kind) {
    RecommenderSpec full = RecommenderSpec.builder().similarity(kind).build();
    RecommenderSpec top3 = full.toBuilder().neighbours(3).build();
    ItemSimilarity all = full.fit(c.m()).similarity();
    ItemSimilarity cut = top3.fit(c.m()).similarity();
    for (int i = 0; i < all.items(); i++) {
      int[] expected = java.util.Arrays.copyOf(all.neighbours(i), Math.min(3, all.neighbours(i).length));
      assertThat(cut.neighbours(i)).containsExactly(expected);
    }
  }

  @Provide
  Arbitrary<Similarity> kinds() {
    return Arbitraries.of(Similarity.class);
  }
}
