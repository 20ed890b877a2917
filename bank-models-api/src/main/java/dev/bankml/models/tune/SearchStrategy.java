package dev.bankml.models.tune;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.HyperparameterSpace;
import dev.bankml.models.spi.Hyperparameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * How a search picks hyperparameter candidates from an algorithm's declared space. The algorithm's
 * defaults are always the first candidate, so tuning never ranks below the untuned model.
 */
public sealed interface SearchStrategy {
  /** The candidates to try for {@code algorithm}, defaults first; seeded. */
  List<Hyperparameters> candidates(AlgorithmSpec algorithm, long seed);

  /** Only the defaults. */
  record Defaults() implements SearchStrategy {
    @Override
    public List<Hyperparameters> candidates(AlgorithmSpec algorithm, long seed) {
      return List.of(Hyperparameters.DEFAULTS);
    }
  }

  /**
   * Every combination of up to three values per hyperparameter (ends and middle of a range; a
   * choice's values); if there are more than {@code maxTrials}, a seeded random subset.
   */
  record Grid(int maxTrials) implements SearchStrategy {
    public Grid {
      if (maxTrials < 1) {
        throw new BankmlException("grid search needs at least 1 trial, got " + maxTrials);
      }
    }

    @Override
    public List<Hyperparameters> candidates(AlgorithmSpec algorithm, long seed) {
      List<Hyperparameters> grid = new ArrayList<>();
      grid.add(Hyperparameters.DEFAULTS);
      for (HyperparameterSpace s : algorithm.space()) {
        List<Hyperparameters> next = new ArrayList<>();
        for (Hyperparameters h : grid) {
          for (Object v : gridValues(s)) {
            next.add(h.with(s.name(), v));
          }
        }
        grid = next;
      }
      if (grid.size() + 1 > maxTrials) {
        Collections.shuffle(grid, new Random(seed));
        grid = grid.subList(0, maxTrials - 1);
      }
      List<Hyperparameters> out = new ArrayList<>();
      out.add(Hyperparameters.DEFAULTS);
      if (!algorithm.space().isEmpty()) {
        out.addAll(grid);
      }
      return List.copyOf(out);
    }

    private static List<Object> gridValues(HyperparameterSpace s) {
      if (s instanceof HyperparameterSpace.IntRange r) {
        TreeSet<Integer> v = new TreeSet<>();
        v.add(r.min());
        v.add(r.max());
        v.add((int) Math.round(r.log() && r.min() > 0 ? Math.sqrt((double) r.min() * r.max()) : (r.min() + r.max()) / 2.0));
        return new ArrayList<>(v);
      }
      if (s instanceof HyperparameterSpace.DoubleRange r) {
        TreeSet<Double> v = new TreeSet<>();
        v.add(r.min());
        v.add(r.max());
        v.add(r.log() && r.min() > 0 ? Math.sqrt(r.min() * r.max()) : (r.min() + r.max()) / 2);
        return new ArrayList<>(v);
      }
      return ((HyperparameterSpace.Choice) s).values();
    }
  }

  /** {@code trials} candidates: the defaults, then independent seeded draws (log-uniform for log ranges). */
  record RandomSearch(int trials) implements SearchStrategy {
    public RandomSearch {
      if (trials < 1) {
        throw new BankmlException("random search needs at least 1 trial, got " + trials);
      }
    }

    @Override
    public List<Hyperparameters> candidates(AlgorithmSpec algorithm, long seed) {
      List<Hyperparameters> out = new ArrayList<>();
      out.add(Hyperparameters.DEFAULTS);
      if (algorithm.space().isEmpty()) {
        return List.copyOf(out);
      }
      Random random = new Random(seed ^ algorithm.name().hashCode());
      for (int t = 1; t < trials; t++) {
        Hyperparameters h = Hyperparameters.DEFAULTS;
        for (HyperparameterSpace s : algorithm.space()) {
          h = h.with(s.name(), draw(s, random));
        }
        out.add(h);
      }
      return List.copyOf(out);
    }

    private static Object draw(HyperparameterSpace s, Random random) {
      if (s instanceof HyperparameterSpace.IntRange r) {
        if (r.log() && r.min() > 0) {
          double v = Math.exp(Math.log(r.min()) + random.nextDouble() * (Math.log(r.max() + 1.0) - Math.log(r.min())));
          return (int) Math.min(r.max(), Math.floor(v));
        }
        return r.min() + random.nextInt(r.max() - r.min() + 1);
      }
      if (s instanceof HyperparameterSpace.DoubleRange r) {
        if (r.log() && r.min() > 0) {
          return Math.exp(Math.log(r.min()) + random.nextDouble() * (Math.log(r.max()) - Math.log(r.min())));
        }
        return r.min() + random.nextDouble() * (r.max() - r.min());
      }
      List<Object> values = ((HyperparameterSpace.Choice) s).values();
      return values.get(random.nextInt(values.size()));
    }
  }

  /** {@code none}, {@code grid} or {@code random} with a trial budget. */
  static SearchStrategy parse(String name, int trials) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none", "defaults" -> new Defaults();
      case "grid" -> new Grid(trials);
      case "random" -> new RandomSearch(trials);
      default -> throw new BankmlException("unknown tuning '" + name + "'; valid: none, grid, random");
    };
  }
}
