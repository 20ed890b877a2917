package dev.bankml.spark;

import dev.bankml.data.io.BankTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark type of every column of the bank tables, in {@link BankTable}'s column order: the
 * schema the tables are read with (CSV) or checked against (Parquet), and written with.
 */
final class BankSchemas {
  private static final Map<String, DataType> TYPES = new LinkedHashMap<>();

  static {
    for (String c : List.of("birth_date", "customer_since", "application_date", "opened_date")) {
      TYPES.put(c, DataTypes.DateType);
    }
    for (String c : List.of("annual_income", "amount", "interest_rate", "debt_to_income", "existing_debt",
        "min_income", "true_pd", "propensity")) {
      TYPES.put(c, DataTypes.DoubleType);
    }
    for (String c : List.of("employment_years", "dependents", "credit_score", "term_months", "delinquencies",
        "recent_inquiries", "min_age", "max_age")) {
      TYPES.put(c, DataTypes.IntegerType);
    }
    TYPES.put("timestamp", DataTypes.TimestampNTZType);
    TYPES.put("defaulted", DataTypes.BooleanType);
  }

  private BankSchemas() {}

  /** The schema of {@code table}; columns not listed above are strings. */
  static StructType of(BankTable<?> table) {
    StructField[] fields = table.columns().stream()
        .map(c -> DataTypes.createStructField(c, type(c), true))
        .toArray(StructField[]::new);
    return DataTypes.createStructType(fields);
  }

  static DataType type(String column) {
    return TYPES.getOrDefault(column, DataTypes.StringType);
  }
}
