package dev.bankml.spark;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Product;
import dev.bankml.data.io.BankTable;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.Similarity;
import dev.bankml.recommender.TopK;
import dev.bankml.recommender.bank.BankHoldings;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Next-product recommendations for every customer on Spark. Item-item co-occurrence is counted by
 * distributed aggregation over the holdings (pairs of products per customer, counted per pair: the
 * catalogue is small, customers are many); the driver turns the counts into similarities
 * ({@link RecommenderSpec#fit(int, int[], int[], List)}), which are broadcast; each chunk of whole
 * customers then gets eligibility by the catalogue's rules and its top k through {@link BankHoldings}
 * and {@link ItemRecommender#recommendAll}: what {@code bankml recommend --all} computes.
 */
final class RecommendJob {
  static final StructType OUTPUT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("customer_id", DataTypes.StringType, false),
      DataTypes.createStructField("product_id", DataTypes.StringType, false),
      DataTypes.createStructField("rank", DataTypes.IntegerType, false),
      DataTypes.createStructField("score", DataTypes.DoubleType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, true)));

  private RecommendJob() {}

  /** What the executors need to rebuild the recommender: counts, labels and the similarity. */
  record Counts(int customers, int[] support, int[] pairs, List<String> labels, String similarity) implements Serializable {
    ItemRecommender fit() {
      return RecommenderSpec.builder().similarity(Similarity.parse(similarity)).build().fit(customers, support, pairs, labels);
    }
  }

  static Dataset<Row> recommend(SparkSession spark, BankTables bank, int k, String similarity, int partitions) {
    if (k < 1) {
      throw new BankInputException("k is " + k + "; ask for at least 1 product");
    }
    Similarity.parse(similarity);
    Dataset<Row> customers = bank.read(BankTable.CUSTOMERS);
    Dataset<Row> holdings = bank.read(BankTable.HOLDINGS);
    Broadcast<List<Row>> products = FeaturesJob.products(spark, bank);
    List<Product> catalogue = products.value().stream().map(Records::product).toList();
    Counts counts = count(customers, holdings, catalogue, similarity);
    Object last = holdings.agg(functions.max("opened_date")).first().get(0);
    LocalDate asOf = last == null ? LocalDate.now() : last instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) last;
    Broadcast<Counts> model = spark.sparkContext().broadcast(counts, scala.reflect.ClassTag$.MODULE$.apply(Counts.class));
    Map<Integer, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(ByCustomer.CUSTOMER, customers);
    tables.put(ByCustomer.HOLDING, holdings);
    MapPartitionsFunction<Row, Row> f = rows -> ByCustomer.flatMap(ByCustomer.chunks(rows, 20_000), c -> {
      BankHoldings chunk = BankHoldings.of(c.customers, FeaturesJob.catalogue(products), c.holdings, List.of());
      ItemRecommender rec = Bundles.once(model, v -> ((Counts) v).fit());
      var matrix = chunk.matrix();
      TopK top = rec.recommendAll(matrix, k, chunk.eligibility(matrix, asOf), new int[0], ProgressListener.NONE);
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < top.customers(); i++) {
        for (int r = 0; r < top.count(i); r++) {
          out.add(RowFactory.create(chunk.customerId(i), chunk.productId(top.item(i, r)), r + 1,
              Math.round(top.score(i, r) * 1e6) / 1e6, top.reason(i, r)));
        }
      }
      return out;
    });
    return ByCustomer.of(tables, partitions).mapPartitions(f, Encoders.row(OUTPUT));
  }

  /** Customers, per-product support and per-pair co-holders, counted by Spark. */
  static Counts count(Dataset<Row> customers, Dataset<Row> holdings, List<Product> catalogue, String similarity) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < catalogue.size(); i++) {
      index.put(catalogue.get(i).productId(), i);
    }
    int n = catalogue.size();
    Dataset<Row> held = holdings.select("customer_id", "product_id").distinct();
    int[] support = new int[n];
    for (Row r : held.groupBy("product_id").count().collectAsList()) {
      support[known(index, r.getString(0))] = (int) r.getLong(1);
    }
    Dataset<Row> a = held.toDF("customer_id", "a");
    Dataset<Row> b = held.toDF("customer_id", "b");
    int[] pairs = new int[n * n];
    for (Row r : a.join(b, "customer_id").where(functions.col("a").lt(functions.col("b")))
        .groupBy("a", "b").count().collectAsList()) {
      int i = known(index, r.getString(0));
      int j = known(index, r.getString(1));
      pairs[i * n + j] = (int) r.getLong(2);
      pairs[j * n + i] = (int) r.getLong(2);
    }
    List<String> labels = catalogue.stream().map(Product::name).toList();
    return new Counts((int) customers.count(), support, pairs, labels, similarity);
  }

  private static int known(Map<String, Integer> index, String productId) {
    Integer i = index.get(productId);
    if (i == null) {
      throw new BankInputException("holdings name product '" + productId + "', which is not in the catalogue (products)");
    }
    return i;
  }
}
