package dev.bankml.models.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One algorithm a backend offers: its name (the same name means the same method in every backend),
 * what it learns, its default hyperparameters, the space a search explores and how costly its
 * defaults are to train ({@link TrainingCost#MEDIUM} unless the backend says otherwise).
 */
public record AlgorithmSpec(
    String name, Task task, String description, Map<String, Object> defaults, List<HyperparameterSpace> space,
    TrainingCost cost) {
  public AlgorithmSpec {
    defaults = Map.copyOf(defaults);
    space = List.copyOf(space);
    Objects.requireNonNull(cost, "cost");
  }

  /** An algorithm of {@link TrainingCost#MEDIUM} cost. */
  public AlgorithmSpec(String name, Task task, String description, Map<String, Object> defaults,
      List<HyperparameterSpace> space) {
    this(name, task, description, defaults, space, TrainingCost.MEDIUM);
  }

  /** This algorithm with training cost {@code c}. */
  public AlgorithmSpec withCost(TrainingCost c) {
    return new AlgorithmSpec(name, task, description, defaults, space, c);
  }
}
