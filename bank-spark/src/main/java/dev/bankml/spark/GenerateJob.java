package dev.bankml.spark;

import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.CsvText;
import dev.bankml.data.synth.CsvBlock;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.data.synth.ProductCatalogue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Generates a synthetic bank on Spark: the default model is calibrated once on the driver, then
 * each partition renders one block of consecutive customers with {@link SyntheticBank#render} —
 * each customer seeded from the bank's seed and its index — so the tables are those of {@code
 * bankml generate} for the same seed: every CSV part file holds the header and one block's rows,
 * and the parts in order, headers dropped, are the local file's rows byte for byte.
 */
final class GenerateJob {
  /** Customers per partition (and per part file). */
  static final int BLOCK = 2_000;
  private static final List<BankTable<?>> TABLES = tables();
  private static final StructType LINES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("table", DataTypes.StringType, false),
      DataTypes.createStructField("text", DataTypes.StringType, false)));

  private GenerateJob() {}

  record Summary(long customers, long loans, long transactions, long holdings) {}

  static Summary generate(SparkSession spark, SyntheticBank settings, String out, String format) {
    return generate(spark, settings, out, format, BLOCK);
  }

  /** Like {@link #generate(SparkSession, SyntheticBank, String, String)} with {@code block} customers per partition. */
  static Summary generate(SparkSession spark, SyntheticBank settings, String out, String format, int block) {
    SyntheticBank bank = settings.calibrated();
    int n = bank.customers();
    long blocks = (n + block - 1) / block;
    LongAccumulator loans = spark.sparkContext().longAccumulator("loans");
    LongAccumulator transactions = spark.sparkContext().longAccumulator("transactions");
    LongAccumulator holdings = spark.sparkContext().longAccumulator("holdings");
    FlatMapFunction<Long, Row> render = b -> {
      int from = (int) (b * block);
      CsvBlock rendered = bank.render(from, (int) Math.min(n, from + (long) block));
      loans.add(rendered.rows(BankTable.LOANS));
      transactions.add(rendered.rows(BankTable.TRANSACTIONS));
      holdings.add(rendered.rows(BankTable.HOLDINGS));
      List<Row> rows = new ArrayList<>();
      for (int t = 0; t < TABLES.size(); t++) {
        BankTable<?> table = TABLES.get(t);
        if (table == BankTable.PRODUCTS) {
          if (b == 0) {
            rows.add(line(t, CsvText.header(table) + catalogue()));
          }
        } else {
          rows.add(line(t, CsvText.header(table) + rendered.text(table)));
        }
      }
      return rows.iterator();
    };
    Path staging = new Path(out, "_generating");
    // one block per partition: each task writes one part file per table, in block order
    spark.range(0, blocks, 1, (int) Math.max(1, blocks)).as(Encoders.LONG())
        .flatMap(render, Encoders.row(LINES))
        .write().mode(SaveMode.Overwrite).partitionBy("table").text(staging.toString());
    try {
      FileSystem fs = staging.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (int t = 0; t < TABLES.size(); t++) {
        BankTable<?> table = TABLES.get(t);
        Path from = new Path(staging, "table=t" + t);
        Path to = new Path(out, "csv".equals(format) ? table.fileName() : BankTables.parquetName(table));
        fs.delete(to, true);
        fs.mkdirs(to.getParent());
        if ("csv".equals(format)) {
          if (!fs.rename(from, to)) {
            throw new IOException("cannot move " + from + " to " + to);
          }
        } else {
          spark.read().schema(BankSchemas.of(table)).option("header", true).option("mode", "FAILFAST")
              .option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss").csv(from.toString())
              .write().mode(SaveMode.Overwrite).parquet(to.toString());
        }
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the bank to " + out + ": " + e.getMessage(), e);
    }
    return new Summary(n, loans.value(), transactions.value(), holdings.value());
  }

  private static Row line(int table, String text) {
    // the text writer ends every row with '\n'; the block's text already ends with one
    return RowFactory.create("t" + table, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
  }

  private static String catalogue() {
    CsvText text = new CsvText(4096);
    ProductCatalogue.standard().forEach(p -> text.writeCells(BankTable.PRODUCTS.format(p)));
    return text.toString();
  }

  private static List<BankTable<?>> tables() {
    List<BankTable<?>> t = new ArrayList<>(CsvBlock.TABLES);
    t.add(BankTable.PRODUCTS);
    return List.copyOf(t);
  }
}
