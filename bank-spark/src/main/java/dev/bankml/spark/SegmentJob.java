package dev.bankml.spark;

import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.table.Table;
import dev.bankml.models.segment.FittedSegmentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Assigns every customer of a customer-behaviour DataFrame to a segment with a segmentation bundle
 * ({@code bankml segment --save}), broadcast and loaded once per executor, in batches through
 * {@link FittedSegmentation#assign(Table)}: the assignment one machine makes.
 */
final class SegmentJob {
  static final int BATCH = 10_000;
  static final StructType OUTPUT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("customer_id", DataTypes.StringType, true),
      DataTypes.createStructField("segment", DataTypes.IntegerType, true),
      DataTypes.createStructField("segment_name", DataTypes.StringType, true),
      DataTypes.createStructField("reject_reason", DataTypes.StringType, true)));

  private SegmentJob() {}

  static Dataset<Row> assign(SparkSession spark, Dataset<Row> customers, byte[] bundle, FittedSegmentation s) {
    List<String> have = Arrays.asList(customers.columns());
    List<String> cols = new ArrayList<>(List.of("customer_id"));
    for (InputField f : s.pipeline().inputSchema()) {
      if (!cols.contains(f.name())) {
        cols.add(f.name());
      }
    }
    List<String> missing = cols.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new BankInputException("the customers lack column(s) " + missing + " that the segmentation reads; they have " + have);
    }
    Dataset<Row> in = customers.select(cols.stream().map(customers::col).toArray(Column[]::new));
    StructType inSchema = in.schema();
    Broadcast<byte[]> bytes = spark.sparkContext().broadcast(bundle, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
    MapPartitionsFunction<Row, Row> f = rows -> {
      List<Row> out = new ArrayList<>();
      FittedSegmentation seg = Bundles.segmentation(bytes);
      List<Row> batch = new ArrayList<>(BATCH);
      while (rows.hasNext()) {
        batch.add(rows.next());
        if (batch.size() == BATCH || !rows.hasNext()) {
          out.addAll(batch(seg, batch, inSchema));
          batch.clear();
        }
      }
      return out.iterator();
    };
    return in.mapPartitions(f, Encoders.row(OUTPUT));
  }

  private static List<Row> batch(FittedSegmentation seg, List<Row> batch, StructType inSchema) {
    List<Row> out = new ArrayList<>(batch.size());
    try {
      int[] labels = seg.assign(TableRows.table(batch, inSchema));
      for (int i = 0; i < labels.length; i++) {
        out.add(RowFactory.create(batch.get(i).getString(0), labels[i], seg.name(labels[i]), null));
      }
    } catch (BankmlException | IllegalArgumentException e) {
      for (Row r : batch) {
        try {
          int label = seg.assign(TableRows.table(List.of(r), inSchema))[0];
          out.add(RowFactory.create(r.getString(0), label, seg.name(label), null));
        } catch (BankmlException | IllegalArgumentException rowError) {
          out.add(RowFactory.create(r.getString(0), null, null, rowError.getMessage()));
        }
      }
    }
    return out;
  }

}
