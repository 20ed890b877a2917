package dev.bankml.features.pipeline;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills missing values: median, mean, most frequent or a constant, learned from training rows;
 * optionally adds a {@code <column>_missing} 0/1 indicator for columns that had missing values in
 * training. Boolean columns become 0/1 numbers. Categorical columns take most frequent or a
 * constant level.
 *
 * @param constant the fill for {@link Strategy#CONSTANT} (a number for numeric columns)
 */
public record Impute(Columns columns, Strategy strategy, String constant, boolean indicator) implements Step {
  /** How the fill value is chosen. */
  public enum Strategy {
    /** The training median (numeric). */
    MEDIAN,
    /** The training mean (numeric). */
    MEAN,
    /** The most frequent training value (any type; ties go to the smaller value / earlier level). */
    MOST_FREQUENT,
    /** A given constant. */
    CONSTANT
  }

  /** Checks the settings. */
  public Impute {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(constant, "constant");
  }

  /** Median imputation of {@code columns}. */
  public static Impute median(Columns columns) {
    return new Impute(columns, Strategy.MEDIAN, "", false);
  }

  /** Mean imputation of {@code columns}. */
  public static Impute mean(Columns columns) {
    return new Impute(columns, Strategy.MEAN, "", false);
  }

  /** Most-frequent imputation of {@code columns}. */
  public static Impute mostFrequent(Columns columns) {
    return new Impute(columns, Strategy.MOST_FREQUENT, "", false);
  }

  /** Constant imputation of numeric {@code columns}. */
  public static Impute constant(Columns columns, double value) {
    return new Impute(columns, Strategy.CONSTANT, Double.toString(value), false);
  }

  /** Constant imputation of categorical {@code columns} with level {@code level}. */
  public static Impute constant(Columns columns, String level) {
    return new Impute(columns, Strategy.CONSTANT, level, false);
  }

  /** The same imputation that also adds a missing indicator per column with training missing values. */
  public Impute withIndicator() {
    return new Impute(columns, strategy, constant, true);
  }

  @Override
  public ImputationFit fit(FitContext ctx) {
    Map<String, Double> numeric = new LinkedHashMap<>();
    Map<String, String> categorical = new LinkedHashMap<>();
    List<String> booleans = new ArrayList<>();
    List<String> indicators = new ArrayList<>();
    for (String name : ctx.resolve(columns)) {
      Column c = ctx.table().column(name);
      if (c.type() == ColumnType.CATEGORICAL) {
        categorical.put(name, categoricalFill((CategoricalColumn) c));
      } else if (c.type() == ColumnType.DATE) {
        throw new BankmlException("cannot impute date column '" + name + "'; derive a number from it first (for example Derive.ageAt)");
      } else {
        numeric.put(name, numericFill(name, Work.numbers(ctx.table(), name)));
        if (c.type() == ColumnType.BOOLEAN) {
          booleans.add(name);
        }
      }
      if (indicator && c.missingCount() > 0) {
        indicators.add(name);
      }
    }
    return new ImputationFit(numeric, categorical, indicators, booleans);
  }

  private double numericFill(String name, double[] v) {
    double[] sorted = Work.sortedPresent(v);
    double fill = switch (strategy) {
      case MEDIAN -> Work.quantile(sorted, 0.5);
      case MEAN -> java.util.Arrays.stream(sorted).average().orElse(Double.NaN);
      case MOST_FREQUENT -> mode(sorted);
      case CONSTANT -> parseConstant(name);
    };
    // a column with no training values at all falls back to 0 so scoring never sees NaN
    return Double.isNaN(fill) ? 0.0 : fill;
  }

  private double parseConstant(String name) {
    try {
      return Double.parseDouble(constant);
    } catch (NumberFormatException e) {
      throw new BankmlException("constant '" + constant + "' cannot fill numeric column '" + name + "'; give a number");
    }
  }

  private static double mode(double[] sorted) {
    double best = Double.NaN;
    int bestRun = 0;
    for (int i = 0; i < sorted.length;) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  private String categoricalFill(CategoricalColumn c) {
    if (strategy == Strategy.CONSTANT) {
      return constant;
    }
    if (strategy != Strategy.MOST_FREQUENT) {
      throw new BankmlException(
          "cannot impute categorical column '" + c.name() + "' with " + strategy + "; use MOST_FREQUENT or CONSTANT");
    }
    int[] counts = c.counts();
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
        best = i;
      }
    }
    return best < 0 ? "missing" : c.levels().get(best);
  }
}
