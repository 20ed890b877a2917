package dev.bankml.spark;

import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.Transaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The bank's tables brought together by customer: one dataset in which every row of the customers,
 * loans, holdings and transactions tables is tagged with its kind, hash-partitioned by customer_id
 * and sorted by (customer_id, kind) within each partition, so that a partition can be read as
 * consecutive {@link Chunk}s of whole customers. Each chunk goes through the same single-JVM code
 * (views, recommender) as a bank on a laptop: a feature is defined once.
 */
final class ByCustomer {
  static final int CUSTOMER = 0;
  static final int LOAN = 1;
  static final int HOLDING = 2;
  static final int TRANSACTION = 3;
  private static final String[] SLOTS = {"c", "l", "h", "t"};

  private ByCustomer() {}

  /** {@code tables} by kind, tagged, co-partitioned into {@code partitions} and sorted. */
  static Dataset<Row> of(Map<Integer, Dataset<Row>> tables, int partitions) {
    Map<Integer, org.apache.spark.sql.types.StructType> structs = new LinkedHashMap<>();
    tables.forEach((kind, df) -> structs.put(kind, df.schema()));
    Dataset<Row> all = null;
    for (Map.Entry<Integer, Dataset<Row>> e : tables.entrySet()) {
      Dataset<Row> df = e.getValue();
      List<Column> cols = new ArrayList<>();
      cols.add(df.col("customer_id").as("customer_id"));
      cols.add(functions.lit(e.getKey()).as("kind"));
      for (int k = 0; k < SLOTS.length; k++) {
        if (!structs.containsKey(k)) {
          continue;
        }
        cols.add(k == e.getKey()
            ? functions.struct(java.util.Arrays.stream(df.columns()).map(df::col).toArray(Column[]::new)).as(SLOTS[k])
            : functions.lit(null).cast(structs.get(k)).as(SLOTS[k]));
      }
      Dataset<Row> tagged = df.select(cols.toArray(Column[]::new));
      all = all == null ? tagged : all.unionByName(tagged);
    }
    return Objects.requireNonNull(all, "no table").repartition(partitions, functions.col("customer_id"))
        .sortWithinPartitions("customer_id", "kind");
  }

  /** The records of consecutive customers of one partition. */
  static final class Chunk {
    final List<Customer> customers = new ArrayList<>();
    final List<Loan> loans = new ArrayList<>();
    final List<Holding> holdings = new ArrayList<>();
    final List<Transaction> transactions = new ArrayList<>();
  }

  /** The rows of one partition of {@link #of} as chunks of about {@code size} customers each. */
  static Iterator<Chunk> chunks(Iterator<Row> rows, int size) {
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public Chunk next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        Chunk c = new Chunk();
        String current = null;
        int customers = 0;
        while (pending != null) {
          String id = pending.getAs("customer_id");
          if (!id.equals(current)) {
            if (customers >= size) {
              break;
            }
            current = id;
            customers++;
          }
          add(c, pending);
          pending = rows.hasNext() ? rows.next() : null;
        }
        return c;
      }
    };
  }

  private static void add(Chunk c, Row r) {
    int kind = r.<Integer>getAs("kind");
    Row payload = r.getAs(SLOTS[kind]);
    switch (kind) {
      case CUSTOMER -> c.customers.add(Records.customer(payload));
      case LOAN -> c.loans.add(Records.loan(payload));
      case HOLDING -> c.holdings.add(Records.holding(payload));
      default -> c.transactions.add(Records.transaction(payload));
    }
  }

  /** Flattens the outputs of each chunk, one chunk at a time. */
  static <T> Iterator<T> flatMap(Iterator<Chunk> chunks, java.util.function.Function<Chunk, List<T>> f) {
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && chunks.hasNext()) {
          current = f.apply(chunks.next()).iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
