package dev.bankml.bench;

import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The outer folds {@code bankml evaluate --cv K --seed S} uses, for {@code benchmarks/nested_sklearn.py}
 * to score scikit-learn on exactly the same folds: reads 0/1 labels (one per line, in row order) and
 * prints each row's fold number, one per line.
 *
 * <p>Usage: {@code OuterFolds LABELS.txt K SEED}
 */
public final class OuterFolds {
  private OuterFolds() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OuterFolds LABELS.txt K SEED");
      System.exit(2);
    }
    int[] y = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).mapToInt(l -> Integer.parseInt(l.trim()))
        .toArray();
    List<Split> folds = StratifiedSplit.kFold(y, Integer.parseInt(args[1]), Long.parseLong(args[2]));
    int[] fold = new int[y.length];
    for (int f = 0; f < folds.size(); f++) {
      for (int i : folds.get(f).test()) {
        fold[i] = f;
      }
    }
    StringBuilder out = new StringBuilder(y.length * 2);
    for (int f : fold) {
      out.append(f).append('\n');
    }
    System.out.print(out);
  }
}
