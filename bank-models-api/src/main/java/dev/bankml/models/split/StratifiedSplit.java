package dev.bankml.models.split;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded train/test and k-fold splits that keep each class's share the same in every part, so a
 * rare default rate is not left out of a fold by chance.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /** A train/test split with {@code testFraction} of each class in the test part. */
  public static Split trainTest(int[] labels, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new BankmlException("test fraction must be strictly between 0 and 1, got " + testFraction);
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    Random random = new Random(seed);
    for (List<Integer> cls : byClass(labels)) {
      Collections.shuffle(cls, random);
      int nTest = (int) Math.round(cls.size() * testFraction);
      if (cls.size() >= 2) {
        nTest = Math.max(1, Math.min(cls.size() - 1, nTest));
      }
      test.addAll(cls.subList(0, nTest));
      train.addAll(cls.subList(nTest, cls.size()));
    }
    return new Split(sorted(train), sorted(test));
  }

  /**
   * {@code k} folds: each row is in exactly one fold's test part; each class is dealt round-robin
   * after a seeded shuffle, so fold sizes per class differ by at most one.
   */
  public static List<Split> kFold(int[] labels, int k, long seed) {
    if (k < 2) {
      throw new BankmlException("cross-validation needs at least 2 folds, got " + k);
    }
    if (k > labels.length) {
      throw new BankmlException("cannot make " + k + " folds from " + labels.length + " rows");
    }
    int[] fold = new int[labels.length];
    Random random = new Random(seed);
    int offset = 0;
    for (List<Integer> cls : byClass(labels)) {
      Collections.shuffle(cls, random);
      for (int i = 0; i < cls.size(); i++) {
        fold[cls.get(i)] = (offset + i) % k;
      }
      offset += cls.size(); // continue dealing where the last class stopped, to balance fold sizes
    }
    List<Split> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        (fold[i] == f ? test : train).add(i);
      }
      out.add(new Split(sorted(train), sorted(test)));
    }
    return List.copyOf(out);
  }

  private static List<List<Integer>> byClass(int[] labels) {
    List<Integer> neg = new ArrayList<>();
    List<Integer> pos = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == 1) {
        pos.add(i);
      } else if (labels[i] == 0) {
        neg.add(i);
      } else {
        throw new BankmlException("label at row " + i + " is " + labels[i] + "; labels must be 0 or 1");
      }
    }
    return List.of(neg, pos);
  }

  private static int[] sorted(List<Integer> rows) {
    int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
