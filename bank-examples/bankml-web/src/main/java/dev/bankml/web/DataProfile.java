package dev.bankml.web;

import java.util.List;

/**
 * What the model page shows about the training data.
 *
 * @param distributions one histogram or level count per column
 * @param correlationColumns the numeric columns of the correlation matrix
 * @param correlations correlation of each pair of {@code correlationColumns}
 * @param targetRates default rate per level of each categorical column
 */
public record DataProfile(
    List<Distribution> distributions,
    List<String> correlationColumns,
    double[][] correlations,
    List<LevelRates> targetRates) {

  /** Copies the lists and checks the matrix is square over the columns. */
  public DataProfile {
    distributions = List.copyOf(distributions);
    correlationColumns = List.copyOf(correlationColumns);
    targetRates = List.copyOf(targetRates);
    if (correlations.length != correlationColumns.size()) {
      throw new IllegalArgumentException(
          correlations.length + " correlation rows for " + correlationColumns.size() + " columns");
    }
  }

  /** An empty profile (the page then says no profile is loaded). */
  public static DataProfile empty() {
    return new DataProfile(List.of(), List.of(), new double[0][0], List.of());
  }

  /** Counts of one column over its bins or levels. */
  public record Distribution(String column, List<String> bins, double[] counts) {
    /** Copies the bins and checks one count per bin. */
    public Distribution {
      bins = List.copyOf(bins);
      if (bins.size() != counts.length) {
        throw new IllegalArgumentException(column + ": " + bins.size() + " bins but " + counts.length + " counts");
      }
    }
  }

  /** Default rate per level of one categorical column. */
  public record LevelRates(String column, List<String> levels, double[] rates) {
    /** Copies the levels and checks one rate per level. */
    public LevelRates {
      levels = List.copyOf(levels);
      if (levels.size() != rates.length) {
        throw new IllegalArgumentException(column + ": " + levels.size() + " levels but " + rates.length + " rates");
      }
    }
  }
}
