package dev.bankml.features.woe;

import java.util.List;

/**
 * One bin of a {@link WoeTable}: a numeric interval {@code (lower, upper]} or a set of levels, its
 * event (target 1, "bad") and non-event ("good") counts, weight of evidence and IV contribution.
 *
 * @param label readable description, e.g. {@code (10.0, 20.0]}, {@code {A, B}}, {@code missing}
 * @param lower exclusive lower bound (numeric bins; -Infinity for the first)
 * @param upper inclusive upper bound (numeric bins; +Infinity for the last)
 * @param levels the levels of a categorical bin (empty for numeric and missing bins)
 * @param woe ln(share of non-events / share of events)
 * @param iv (share of non-events - share of events) * woe
 */
public record WoeBin(
    String label, double lower, double upper, List<String> levels, long events, long nonEvents, double woe, double iv) {
  /** Copies the level list. */
  public WoeBin {
    levels = List.copyOf(levels);
  }

  /** Events / (events + non-events): the observed event rate of this bin. */
  public double eventRate() {
    long n = events + nonEvents;
    return n == 0 ? Double.NaN : (double) events / n;
  }
}
