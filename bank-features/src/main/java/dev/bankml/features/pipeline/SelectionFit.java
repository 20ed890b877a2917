package dev.bankml.features.pipeline;

import dev.bankml.features.table.Table;
import java.util.List;
import java.util.Map;

/** Fitted selection: the columns dropped. */
public record SelectionFit(List<String> dropped) implements FittedStep {
  /** Copies the list. */
  public SelectionFit {
    dropped = List.copyOf(dropped);
  }

  @Override
  public Table apply(Table t) {
    return t.without(dropped.toArray(String[]::new));
  }

  @Override
  public List<String> inputs() {
    return List.of();
  }

  @Override
  public Map<String, String> created() {
    return Map.of();
  }

  @Override
  public List<String> encodings() {
    return List.of();
  }
}
