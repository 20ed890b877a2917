package dev.bankml.models.spi;

import dev.bankml.data.BankmlException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

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

  /**
   * {@code h}, checked to set only hyperparameters this algorithm declares (the names of
   * {@link #defaults()}); the one check every backend makes before training.
   *
   * @param backend the backend's name, for the message
   * @throws BankmlException naming the hyperparameter, the backend, the algorithm and the valid names
   */
  public Hyperparameters declared(String backend, Hyperparameters h) {
    Objects.requireNonNull(h, "hyperparameters");
    for (String n : h.values().keySet()) {
      if (!defaults.containsKey(n)) {
        throw new BankmlException("unknown hyperparameter '" + n + "' for " + backend + " " + name
            + "; valid: " + String.join(", ", new TreeSet<>(defaults.keySet())));
      }
    }
    return h;
  }

  /** This algorithm with training cost {@code c}. */
  public AlgorithmSpec withCost(TrainingCost c) {
    return new AlgorithmSpec(name, task, description, defaults, space, c);
  }
}
