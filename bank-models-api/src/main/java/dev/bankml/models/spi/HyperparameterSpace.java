package dev.bankml.models.spi;

import java.util.List;

/** The values a hyperparameter may take during a search. */
public sealed interface HyperparameterSpace {
  /** The hyperparameter's name, as used in {@link Hyperparameters}. */
  String name();

  /** Whole numbers from {@code min} to {@code max} inclusive, sampled on a log scale if {@code log}. */
  record IntRange(String name, int min, int max, boolean log) implements HyperparameterSpace {}

  /** Real numbers from {@code min} to {@code max}, sampled on a log scale if {@code log}. */
  record DoubleRange(String name, double min, double max, boolean log) implements HyperparameterSpace {}

  /** One of a fixed list of values (numbers, strings or booleans). */
  record Choice(String name, List<Object> values) implements HyperparameterSpace {
    public Choice {
      values = List.copyOf(values);
    }
  }
}
