package dev.bankml.models.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static int[] labels(int n, int positives) {
    int[] y = new int[n];
    for (int i = 0; i < positives; i++) {
      y[i * (n / positives)] = 1;
    }
    return y;
  }

  @Test
  void stratifiedTrainTestKeepsTheClassShareAndCoversEveryRowOnce() {
    int[] y = labels(1000, 100);
    Split s = StratifiedSplit.trainTest(y, 0.3, 1);
    assertThat(s.test()).hasSize(300);
    assertThat(Arrays.stream(s.test()).map(i -> y[i]).sum()).isEqualTo(30);
    int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void sameSeedSameSplitDifferentSeedDifferentSplit() {
    int[] y = labels(200, 20);
    assertThat(StratifiedSplit.trainTest(y, 0.25, 7)).isEqualTo(StratifiedSplit.trainTest(y, 0.25, 7));
    assertThat(StratifiedSplit.trainTest(y, 0.25, 7)).isNotEqualTo(StratifiedSplit.trainTest(y, 0.25, 8));
  }

  @Test
  void kFoldTestPartsPartitionTheRowsWithBalancedPositives() {
    int[] y = labels(503, 53);
    List<Split> folds = StratifiedSplit.kFold(y, 5, 3);
    assertThat(folds).hasSize(5);
    int[] seen = new int[y.length];
    for (Split f : folds) {
      int pos = Arrays.stream(f.test()).map(i -> y[i]).sum();
      assertThat(pos).isBetween(10, 11);
      assertThat(f.test().length).isBetween(100, 101);
      assertThat(f.train().length + f.test().length).isEqualTo(y.length);
      for (int i : f.test()) {
        seen[i]++;
      }
    }
    assertThat(seen).containsOnly(1);
  }

  @Test
  void timeSplitTrainsOnOlderAndTestsOnNewerRowsKeepingDatesTogether() {
    LocalDate[] dates = new LocalDate[100];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = LocalDate.of(2024, 1, 1).plusDays(i / 2); // two rows per day
    }
    Split s = TimeSplit.newest(dates, 0.25);
    LocalDate latestTrain = Arrays.stream(s.train()).mapToObj(i -> dates[i]).max(LocalDate::compareTo).orElseThrow();
    LocalDate earliestTest = Arrays.stream(s.test()).mapToObj(i -> dates[i]).min(LocalDate::compareTo).orElseThrow();
    assertThat(latestTrain).isBefore(earliestTest);
    assertThat(s.test().length).isBetween(24, 26);
    assertThatThrownBy(() -> TimeSplit.before(dates, LocalDate.of(2000, 1, 1)))
        .isInstanceOf(BankmlException.class).hasMessageContaining("0 training");
  }

  @Test
  void crossValidationGivesTheSameResultsInFoldOrderWhateverTheThreadCount() {
    int[] y = labels(100, 10);
    List<Split> folds = StratifiedSplit.kFold(y, 4, 1);
    CrossValidation.FoldTask<Integer> task = (f, s) -> f * 1000 + s.test()[0];
    List<Integer> one = CrossValidation.run(folds, 1, ProgressListener.NONE, task);
    List<Integer> four = CrossValidation.run(folds, 4, ProgressListener.NONE, task);
    assertThat(four).isEqualTo(one);
    assertThat(one.get(2) / 1000).isEqualTo(2);
  }

  @Test
  void aFailingFoldReportsItsOwnError() {
    List<Split> folds = StratifiedSplit.kFold(labels(100, 10), 3, 1);
    assertThatThrownBy(() -> CrossValidation.run(folds, 3, ProgressListener.NONE, (f, s) -> {
      throw new BankmlException("fold " + f + " is bad");
    })).isInstanceOf(BankmlException.class).hasMessageContaining("is bad");
  }
}
