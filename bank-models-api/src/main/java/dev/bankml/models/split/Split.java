package dev.bankml.models.split;

import java.util.Arrays;

/** Row indices of one training set and its evaluation set; the two never share a row. */
public record Split(int[] train, int[] test) {
  public Split {
    train = train.clone();
    test = test.clone();
  }

  /** A copy of the training row indices. */
  @Override
  public int[] train() {
    return train.clone();
  }

  /** A copy of the evaluation row indices. */
  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Split[train=" + train.length + " rows, test=" + test.length + " rows]";
  }
}
