package dev.bankml.models.spi;

import java.util.List;
import java.util.Map;

/**
 * One algorithm a backend offers: its name (the same name means the same method in every backend),
 * what it learns, its default hyperparameters and the space a search explores.
 */
public record AlgorithmSpec(
    String name, Task task, String description, Map<String, Object> defaults, List<HyperparameterSpace> space) {
  public AlgorithmSpec {
    defaults = Map.copyOf(defaults);
    space = List.copyOf(space);
  }
}
