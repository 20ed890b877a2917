package dev.bankml.features.profile;

import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * The profile of one column.
 *
 * @param count rows with a value (not missing)
 * @param missing rows without a value
 * @param distinct distinct present values
 * @param numeric moments and quantiles (numeric columns)
 * @param topLevels the most frequent values, most frequent first (categorical and boolean columns)
 * @param dates the date range (date columns)
 * @param targetRates with a target: its rate per level, or per quantile bin of a numeric column
 */
public record ColumnProfile(
    String name,
    ColumnType type,
    ColumnRole role,
    long count,
    long missing,
    double missingShare,
    long distinct,
    Optional<NumericSummary> numeric,
    List<LevelCount> topLevels,
    Optional<DateRange> dates,
    List<TargetRate> targetRates) {
  /** Copies the lists. */
  public ColumnProfile {
    topLevels = List.copyOf(topLevels);
    targetRates = List.copyOf(targetRates);
  }
}
