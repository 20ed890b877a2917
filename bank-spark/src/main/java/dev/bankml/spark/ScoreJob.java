package dev.bankml.spark;

import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a DataFrame of applications with a loan-default bundle: the bundle's bytes are broadcast
 * and loaded once per executor; rows are scored in batches through {@link LoanDefaultModel#assessAll}
 * (probability, decision, score points, grade, up to four principal reasons), as {@code bankml
 * predict} scores them. A row the model cannot score — no id, or a value the model refuses — is
 * kept with its {@code reject_reason} instead of a score, never dropped.
 */
final class ScoreJob {
  static final int BATCH = 5_000;
  static final int REASONS = 4;
  static final StructType OUTPUT = output();

  private ScoreJob() {}

  /** Checks on the driver that {@code input} has {@code id} and every input column of {@code model}. */
  static void check(LoanDefaultModel model, StructType input, String id) {
    List<String> have = Arrays.asList(input.fieldNames());
    List<String> missing = new ArrayList<>();
    if (!have.contains(id)) {
      missing.add(id);
    }
    for (InputField f : model.inputSchema()) {
      if (!have.contains(f.name())) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new BankInputException("the applications lack column(s) " + missing + " that the model "
          + model.provenance().backend() + " " + model.provenance().algorithm() + " reads; they have " + have);
    }
  }

  /** Every row of {@code input} scored (or rejected), keyed by {@code id}. */
  static Dataset<Row> score(SparkSession spark, Dataset<Row> input, byte[] bundle, LoanDefaultModel model, String id) {
    check(model, input.schema(), id);
    List<String> cols = new ArrayList<>(List.of(id));
    model.inputSchema().forEach(f -> {
      if (!cols.contains(f.name())) {
        cols.add(f.name());
      }
    });
    Dataset<Row> in = input.select(cols.stream().map(input::col).toArray(Column[]::new));
    StructType inSchema = in.schema();
    Broadcast<byte[]> bytes = spark.sparkContext().broadcast(bundle, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
    MapPartitionsFunction<Row, Row> f = rows -> scoreAll(rows, inSchema, bytes);
    return in.mapPartitions(f, Encoders.row(OUTPUT)).withColumnRenamed("id", id);
  }

  private static Iterator<Row> scoreAll(Iterator<Row> rows, StructType inSchema, Broadcast<byte[]> bytes) {
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && rows.hasNext()) {
          List<Row> batch = new ArrayList<>(BATCH);
          while (rows.hasNext() && batch.size() < BATCH) {
            batch.add(rows.next());
          }
          current = batch(Bundles.loanModel(bytes), batch, inSchema).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  static List<Row> batch(LoanDefaultModel model, List<Row> batch, StructType inSchema) {
    List<Row> out = new ArrayList<>(batch.size());
    List<Row> valid = new ArrayList<>(batch.size());
    for (Row r : batch) {
      if (r.isNullAt(0)) {
        out.add(reject(null, inSchema.fieldNames()[0] + " is missing"));
      } else {
        valid.add(r);
      }
    }
    if (valid.isEmpty()) {
      return out;
    }
    Table table = TableRows.table(valid, inSchema);
    List<Assessment> assessed;
    try {
      assessed = model.assessAll(table);
    } catch (BankmlException | IllegalArgumentException e) {
      // one bad row spoils the batch: score row by row to find it (the single-record path gives the same answer)
      for (Row r : valid) {
        try {
          out.add(scored(r.get(0).toString(), model.assess(record(r, inSchema))));
        } catch (BankmlException | IllegalArgumentException rowError) {
          out.add(reject(r.get(0).toString(), rowError.getMessage()));
        }
      }
      return out;
    }
    for (int i = 0; i < valid.size(); i++) {
      out.add(scored(valid.get(i).get(0).toString(), assessed.get(i)));
    }
    return out;
  }

  private static Map<String, Object> record(Row r, StructType schema) {
    Map<String, Object> m = new HashMap<>();
    StructField[] fields = schema.fields();
    for (int k = 1; k < fields.length; k++) {
      // a null is a blank value (accepted where training had blanks), not an absent column
      Object v = r.isNullAt(k) ? null : r.get(k);
      m.put(fields[k].name(), v instanceof java.sql.Date d ? d.toLocalDate() : v);
    }
    return m;
  }

  private static Row scored(String id, Assessment a) {
    Object[] v = new Object[OUTPUT.size()];
    v[0] = id;
    v[1] = a.probability();
    v[2] = a.decision().label();
    v[3] = a.score();
    v[4] = a.grade();
    for (int r = 0; r < REASONS; r++) {
      v[5 + r] = r < a.reasons().size() ? a.reasons().get(r) : null;
    }
    v[5 + REASONS] = null;
    return RowFactory.create(v);
  }

  private static Row reject(String id, String reason) {
    Object[] v = new Object[OUTPUT.size()];
    v[0] = id;
    v[5 + REASONS] = reason;
    return RowFactory.create(v);
  }

  private static StructType output() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("id", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("probability", DataTypes.DoubleType, true));
    f.add(DataTypes.createStructField("decision", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("score", DataTypes.LongType, true));
    f.add(DataTypes.createStructField("grade", DataTypes.StringType, true));
    for (int r = 1; r <= REASONS; r++) {
      f.add(DataTypes.createStructField("reason_" + r, DataTypes.StringType, true));
    }
    f.add(DataTypes.createStructField("reject_reason", DataTypes.StringType, true));
    return DataTypes.createStructType(f);
  }
}
