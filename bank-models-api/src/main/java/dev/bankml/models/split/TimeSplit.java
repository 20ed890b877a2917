package dev.bankml.models.split;

import dev.bankml.data.BankmlException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Out-of-time validation, as banks validate scorecards: train on older applications, test on
 * newer ones. Rows sharing a date always land on the same side.
 */
public final class TimeSplit {
  private TimeSplit() {}

  /** Rows dated before {@code cutoff} train; rows on or after it test. */
  public static Split before(LocalDate[] dates, LocalDate cutoff) {
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < dates.length; i++) {
      if (dates[i] == null) {
        throw new BankmlException("time split: row " + i + " has no date; every row needs one");
      }
      (dates[i].isBefore(cutoff) ? train : test).add(i);
    }
    if (train.isEmpty() || test.isEmpty()) {
      throw new BankmlException("time split at " + cutoff + " leaves " + train.size() + " training and "
          + test.size() + " test rows; choose a cutoff inside the data's dates");
    }
    return new Split(train.stream().mapToInt(Integer::intValue).toArray(), test.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The newest {@code testFraction} of rows (about; whole dates stay together) test, the rest train. */
  public static Split newest(LocalDate[] dates, double testFraction) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new BankmlException("test fraction must be strictly between 0 and 1, got " + testFraction);
    }
    LocalDate[] sorted = dates.clone();
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] == null) {
        throw new BankmlException("time split: row " + i + " has no date; every row needs one");
      }
    }
    Arrays.sort(sorted);
    int cut = Math.min(sorted.length - 1, (int) Math.floor(sorted.length * (1 - testFraction)));
    LocalDate cutoff = sorted[Math.max(0, cut)];
    if (cutoff.equals(sorted[0])) {
      cutoff = Arrays.stream(sorted).filter(d -> d.isAfter(sorted[0])).findFirst()
          .orElseThrow(() -> new BankmlException("time split: every row has the same date " + sorted[0]));
    }
    return before(dates, cutoff);
  }
}
