package dev.bankml.features.pipeline;

import dev.bankml.features.table.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted selection: the columns dropped and why each went ("variance 0.0", "constant", "97% missing",
 * "|r| 0.981 with 'income'"…; empty for a pipeline written before reasons were kept).
 */
public record SelectionFit(List<String> dropped, Map<String, String> reasons) implements FittedStep {
  /** Copies the list and the map. */
  public SelectionFit {
    dropped = List.copyOf(dropped);
    reasons = reasons == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  @Override
  public Table transform(Table t) {
    return t.without(dropped.toArray(String[]::new));
  }

  @Override
  public List<String> inputs() {
    return List.of();
  }
}
