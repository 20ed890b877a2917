package dev.bankml.spark;

import dev.bankml.data.io.BankTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the tables of a bank directory — the CSV files {@code bankml generate} writes, directories
 * of CSV part files of the same name, or Parquet directories {@code customers.parquet}, … — with
 * the bank's schema. Everything that can be checked before a stage runs is checked on the driver:
 * the table exists and can be read, every column is there, Parquet columns have the right type, and
 * the first {@value #SAMPLE_LINES} lines of a CSV parse as their column's type. A failure is a
 * {@link BankInputException} naming the file, line and column.
 */
final class BankTables {
  static final int SAMPLE_LINES = 200;
  private static final CSVFormat CSV = CSVFormat.DEFAULT;

  private final SparkSession spark;
  private final String dir;
  private final Configuration hadoop;

  BankTables(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir;
    this.hadoop = spark.sparkContext().hadoopConfiguration();
    Path p = new Path(dir);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p) || !fs.getFileStatus(p).isDirectory()) {
        throw new BankInputException("bank directory " + dir + " does not exist or is not a directory; "
            + "give a directory written by 'generate' (CSV files or Parquet directories)");
      }
    } catch (IOException e) {
      throw new BankInputException("cannot read bank directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The table, checked; throws if it is missing. */
  Dataset<Row> read(BankTable<?> table) {
    return find(table).orElseThrow(() -> new BankInputException("bank directory " + dir + " has no table "
        + table.fileName() + " (nor " + parquetName(table) + "); it needs one of them"));
  }

  /** The table, checked, if the directory has it (the truth tables are optional). */
  Optional<Dataset<Row>> find(BankTable<?> table) {
    StructType schema = BankSchemas.of(table);
    Path parquet = new Path(dir, parquetName(table));
    Path csv = new Path(dir, table.fileName());
    try {
      FileSystem fs = csv.getFileSystem(hadoop);
      if (fs.exists(parquet)) {
        checkParquet(fs, parquet, schema);
        return Optional.of(spark.read().schema(schema).parquet(parquet.toString()));
      }
      if (!fs.exists(csv)) {
        return Optional.empty();
      }
      checkCsv(fs, csv, table, schema);
      return Optional.of(spark.read()
          .schema(schema)
          .option("header", true)
          .option("mode", "FAILFAST")
          .option("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss")
          .option("enforceSchema", false)
          .csv(csv.toString()));
    } catch (IOException e) {
      throw new BankInputException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  static String parquetName(BankTable<?> table) {
    return table.fileName().replaceAll("\\.csv$", ".parquet");
  }

  /** The footer of the first part file, read on the driver (Spark's own schema inference would start a job). */
  private void checkParquet(FileSystem fs, Path parquet, StructType expected) throws IOException {
    Path first = firstDataFile(fs, parquet);
    MessageType found;
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(first, hadoop))) {
      found = r.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      throw new BankInputException("cannot read " + first + " as Parquet: " + e.getMessage(), e);
    }
    for (StructField f : expected.fields()) {
      if (!found.containsField(f.name())) {
        throw new BankInputException(first + ": missing column '" + f.name() + "'; the table needs "
            + Arrays.toString(expected.fieldNames()));
      }
      Type t = found.getType(f.name());
      String want = parquetType(f.dataType());
      String got = t.isPrimitive() ? t.asPrimitiveType().getPrimitiveTypeName().name() : "GROUP";
      if (!want.equals(got)) {
        throw new BankInputException(first + ", column '" + f.name() + "': Parquet type " + got + "; expected "
            + want + " (" + describe(f.dataType()) + ")");
      }
    }
  }

  private static String parquetType(DataType type) {
    if (type.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    }
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.DateType)) {
      return "INT32";
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      return "INT64";
    }
    return type.equals(DataTypes.BooleanType) ? "BOOLEAN" : "BINARY";
  }

  /** Header and the first lines of the first data file of {@code csv} (a file, or a directory of part files). */
  private static void checkCsv(FileSystem fs, Path csv, BankTable<?> table, StructType schema) throws IOException {
    Path first = firstDataFile(fs, csv);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(first), StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSV).get()) {
      var it = parser.iterator();
      if (!it.hasNext()) {
        throw new BankInputException(first + ": empty file; expected a header line " + String.join(",", table.columns()));
      }
      List<String> header = it.next().toList();
      List<String> missing = new ArrayList<>(table.columns());
      missing.removeAll(header);
      if (!missing.isEmpty()) {
        throw new BankInputException(first + ", line 1: missing column" + (missing.size() > 1 ? "s " : " ") + missing
            + "; the header must contain " + String.join(",", table.columns()));
      }
      for (int line = 2; line <= SAMPLE_LINES + 1 && it.hasNext(); line++) {
        CSVRecord rec = it.next();
        for (StructField f : schema.fields()) {
          int at = header.indexOf(f.name());
          String cell = at < rec.size() ? rec.get(at) : "";
          if (!parses(cell, f.dataType())) {
            throw new BankInputException(first + ", line " + line + ", column '" + f.name() + "': '" + cell
                + "' is not a " + describe(f.dataType()));
          }
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw new BankInputException("cannot read " + first + ": " + e.getMessage(), e);
    }
  }

  private static Path firstDataFile(FileSystem fs, Path csv) throws IOException {
    FileStatus status = fs.getFileStatus(csv);
    if (!status.isDirectory()) {
      return csv;
    }
    return Arrays.stream(fs.listStatus(csv))
        .filter(s -> s.isFile() && !s.getPath().getName().startsWith("_") && !s.getPath().getName().startsWith("."))
        .map(FileStatus::getPath)
        .sorted()
        .findFirst()
        .orElseThrow(() -> new BankInputException(csv + ": a directory without data files"));
  }

  private static boolean parses(String cell, DataType type) {
    if (cell.isEmpty() || type.equals(DataTypes.StringType)) {
      return true; // blanks are nulls; the job decides what a null means
    }
    try {
      if (type.equals(DataTypes.DoubleType)) {
        Double.parseDouble(cell);
      } else if (type.equals(DataTypes.IntegerType)) {
        Integer.parseInt(cell);
      } else if (type.equals(DataTypes.DateType)) {
        LocalDate.parse(cell);
      } else if (type.equals(DataTypes.TimestampNTZType)) {
        LocalDateTime.parse(cell);
      } else if (type.equals(DataTypes.BooleanType)) {
        return cell.equals("true") || cell.equals("false");
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String describe(DataType type) {
    if (type.equals(DataTypes.DoubleType)) {
      return "number";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "whole number";
    }
    if (type.equals(DataTypes.DateType)) {
      return "date (yyyy-MM-dd)";
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      return "timestamp (yyyy-MM-ddTHH:mm:ss)";
    }
    return type.equals(DataTypes.BooleanType) ? "boolean (true/false)" : "text";
  }
}
