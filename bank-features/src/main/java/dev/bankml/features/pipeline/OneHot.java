package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encoding of categorical columns as 0/1 columns {@code <column>=<level>}, one per training level
 * seen at least {@code minFrequency} (share of rows), in one of two codings:
 *
 * <ul>
 *   <li>{@link Coding#ONE_HOT}: every such level, plus {@code <column>=(other)} for rarer levels and
 *       levels never seen in training; a missing value (when not imputed first) is all zeros; the
 *       new columns are appended.
 *   <li>{@link Coding#DUMMY}: every such level but one, which stays implicit so that the indicators
 *       are not collinear (the rarer levels when there are any, else the most frequent level); rarer
 *       and unseen levels are all zeros; a missing value is missing (NaN) in every indicator, for an
 *       imputer to fill; the indicators take the column's place.
 * </ul>
 */
public record OneHot(Columns columns, double minFrequency, Coding coding) implements Step {
  /** How levels become columns. */
  public enum Coding {
    /** One column per kept level plus {@code (other)}; missing is all zeros. */
    ONE_HOT,
    /** One column per kept level but the implicit one; missing stays missing. */
    DUMMY
  }

  /** Checks the settings. */
  public OneHot {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(coding, "coding");
    if (!(minFrequency >= 0 && minFrequency < 1)) {
      throw new IllegalArgumentException("minFrequency is a share of rows in [0, 1), was " + minFrequency);
    }
  }

  /** One-hot coding of {@code columns} keeping levels with at least {@code minFrequency} of training rows. */
  public OneHot(Columns columns, double minFrequency) {
    this(columns, minFrequency, Coding.ONE_HOT);
  }

  /** One-hot encoding of {@code columns} keeping every level. */
  public static OneHot of(Columns columns) {
    return new OneHot(columns, 0.0);
  }

  /** Dummy coding of {@code columns}: indicators of the levels with at least {@code minFrequency} of training rows but one. */
  public static OneHot dummies(Columns columns, double minFrequency) {
    return new OneHot(columns, minFrequency, Coding.DUMMY);
  }

  /** The same encoding keeping only levels with at least this share of training rows. */
  public OneHot minFrequency(double share) {
    return new OneHot(columns, share, coding);
  }

  @Override
  public OneHotFit fit(FitContext ctx) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      CategoricalColumn c = Work.categories(ctx.table(), name);
      int[] counts = c.counts();
      double min = minFrequency * ctx.table().rows();
      List<String> levels = new ArrayList<>();
      int implicit = coding == Coding.DUMMY ? implicitLevel(counts, min) : -1;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0 && counts[i] >= min && i != implicit) {
          levels.add(c.levels().get(i));
        }
      }
      kept.put(name, levels);
    }
    return new OneHotFit(kept, coding);
  }

  /**
   * The level a dummy coding leaves implicit: -1 when a rarer level is present (the rare ones are
   * the implicit group), else the most frequent kept level (the first of equals) when at least two
   * are kept.
   */
  private static int implicitLevel(int[] counts, double min) {
    int kept = 0;
    int best = -1;
    for (int level = 0; level < counts.length; level++) {
      if (counts[level] >= min && counts[level] > 0) {
        kept++;
        if (best < 0 || counts[level] > counts[best]) {
          best = level;
        }
      } else if (counts[level] > 0) {
        return -1;
      }
    }
    return kept >= 2 ? best : -1;
  }
}
