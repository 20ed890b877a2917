package dev.bankml.bench;

import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.Recommendation;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.TopK;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The item-based recommender on random bank holdings (each customer holds 3 to 5 of 20 products,
 * popular products more often): fitting the similarities, recommending for one customer, and the
 * nightly job of fitting plus top-7 for every customer. Run with
 * {@code java -jar bank-examples/target/benchmarks.jar RecommenderBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecommenderBenchmark {
  /** Number of customers. */
  @Param({"1000000"})
  public int customers;

  /** Number of products. */
  @Param({"20"})
  public int products;

  private InteractionMatrix holdings;
  private ItemRecommender model;
  private int[][] sampleHoldings;
  private int next;

  /** Draws the holdings and fits once, outside every measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    holdings = randomHoldings(customers, products, 42);
    model = RecommenderSpec.defaults().fit(holdings);
    sampleHoldings = new int[1024][];
    for (int s = 0; s < sampleHoldings.length; s++) {
      sampleHoldings[s] = holdings.itemsOf(s * (customers / sampleHoldings.length));
    }
  }

  static InteractionMatrix randomHoldings(int customers, int products, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] customer = new int[customers * 5];
    int[] item = new int[customers * 5];
    int nnz = 0;
    for (int c = 0; c < customers; c++) {
      int count = 3 + random.nextInt(3);
      long taken = 0;
      while (Long.bitCount(taken) < count) {
        // Skewed towards low indices: product p drawn with weight about 1 / (p + 2).
        int p = (int) Math.min(products - 1, Math.floor(Math.expm1(random.nextDouble() * Math.log1p(products)) ));
        if ((taken & (1L << p)) == 0) {
          taken |= 1L << p;
          customer[nnz] = c;
          item[nnz++] = p;
        }
      }
    }
    return InteractionMatrix.binary(customers, products, java.util.Arrays.copyOf(customer, nnz), java.util.Arrays.copyOf(item, nnz));
  }

  /** Fitting cosine similarities (and popularity) from all customers' holdings. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ItemRecommender fitSimilaritiesAllCustomers() {
    return RecommenderSpec.defaults().fit(holdings);
  }

  /** Top 7 with explanations for one customer, as an online call would ask. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Recommendation> recommendTop7OneCustomer() {
    int[] held = sampleHoldings[next++ & (sampleHoldings.length - 1)];
    return model.recommend(held, 7);
  }

  /** Top 7 for every customer with an already fitted model. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TopK recommendTop7AllCustomers() {
    return model.recommendAll(holdings, 7);
  }

  /** The nightly job: fit, then top 7 for every customer. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TopK fitAndRecommendTop7AllCustomers() {
    ItemRecommender fitted = RecommenderSpec.defaults().fit(holdings);
    return fitted.recommendAll(holdings, 7);
  }
}
