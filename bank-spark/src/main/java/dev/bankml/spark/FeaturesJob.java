package dev.bankml.spark;

import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Product;
import dev.bankml.data.io.BankTable;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The loan-application view and the customer-behaviour view of a bank on Spark. The tables are
 * brought together by customer ({@link ByCustomer}); each chunk of whole customers goes through
 * {@link LoanApplicationView} / {@link CustomerBehaviourView}, the code that builds the views on one
 * machine, so every feature is defined once and the values are the same. Point-in-time correctness
 * is theirs: only transactions strictly before each application date (or the as-of date) count.
 * The hidden truth ({@code true_pd}, {@code persona}) is left out.
 */
final class FeaturesJob {
  static final List<String> TRUTH = List.of("true_pd", "persona");
  /** Customers per chunk: bounds the memory of a task (their transactions are held). */
  static final int CHUNK = 2_000;

  private FeaturesJob() {}

  /** One row per loan: the loan-application view. */
  static Dataset<Row> loanView(SparkSession spark, BankTables bank, int partitions) {
    StructType schema = TableRows.schema(LoanApplicationView.of(emptyBank()), TRUTH);
    Map<Integer, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(ByCustomer.CUSTOMER, bank.read(BankTable.CUSTOMERS));
    tables.put(ByCustomer.LOAN, bank.read(BankTable.LOANS));
    tables.put(ByCustomer.HOLDING, bank.read(BankTable.HOLDINGS));
    tables.put(ByCustomer.TRANSACTION, bank.read(BankTable.TRANSACTIONS));
    Broadcast<List<Row>> products = products(spark, bank); // the first Spark job: every table was checked before
    MapPartitionsFunction<Row, Row> f = rows -> ByCustomer.flatMap(ByCustomer.chunks(rows, CHUNK),
        c -> TableRows.rows(LoanApplicationView.of(bank(c, products)), schema));
    return ByCustomer.of(tables, partitions).mapPartitions(f, Encoders.row(schema));
  }

  /** One row per customer: the customer-behaviour view as of the day after the latest transaction. */
  static Dataset<Row> customerView(SparkSession spark, BankTables bank, int partitions) {
    StructType schema = TableRows.schema(CustomerBehaviourView.of(emptyBank(), LocalDate.of(2000, 1, 1)), TRUTH);
    Dataset<Row> transactions = bank.read(BankTable.TRANSACTIONS);
    Map<Integer, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(ByCustomer.CUSTOMER, bank.read(BankTable.CUSTOMERS));
    tables.put(ByCustomer.HOLDING, bank.read(BankTable.HOLDINGS));
    tables.put(ByCustomer.TRANSACTION, transactions);
    Broadcast<List<Row>> products = products(spark, bank);
    Object latest = transactions.agg(functions.max("timestamp")).first().get(0);
    LocalDate asOf = latest == null ? LocalDate.now() : ((LocalDateTime) latest).toLocalDate().plusDays(1);
    MapPartitionsFunction<Row, Row> f = rows -> ByCustomer.flatMap(ByCustomer.chunks(rows, CHUNK),
        c -> TableRows.rows(CustomerBehaviourView.of(bank(c, products), asOf), schema));
    return ByCustomer.of(tables, partitions).mapPartitions(f, Encoders.row(schema));
  }

  /** The catalogue, collected (it is small) and broadcast; the driver checks the table first. */
  static Broadcast<List<Row>> products(SparkSession spark, BankTables bank) {
    List<Row> rows = bank.read(BankTable.PRODUCTS).collectAsList();
    return spark.sparkContext().broadcast(rows, scala.reflect.ClassTag$.MODULE$.apply(List.class));
  }

  static List<Product> catalogue(Broadcast<List<Row>> products) {
    return Bundles.once(products, v -> {
      @SuppressWarnings("unchecked")
      List<Row> rows = (List<Row>) v;
      return rows.stream().map(Records::product).toList();
    });
  }

  private static Bank bank(ByCustomer.Chunk c, Broadcast<List<Row>> products) {
    return new Bank(c.customers, c.loans, c.transactions, catalogue(products), c.holdings, Optional.empty());
  }

  private static Bank emptyBank() {
    return new Bank(List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

}
