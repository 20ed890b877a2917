package dev.bankml.features.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bankml.features.table.Table;
import java.util.List;
import java.util.Map;

/**
 * A fitted pipeline step: immutable, thread-safe, and row-wise (each output row depends only on
 * the same input row), so a batch and a single record get identical numbers. Its fields are what
 * it learned, readable as plain values.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ImputationFit.class, name = "impute"),
  @JsonSubTypes.Type(value = OneHotFit.class, name = "one-hot"),
  @JsonSubTypes.Type(value = OrdinalFit.class, name = "ordinal"),
  @JsonSubTypes.Type(value = ScalerFit.class, name = "scale"),
  @JsonSubTypes.Type(value = ClipFit.class, name = "clip"),
  @JsonSubTypes.Type(value = Log1p.class, name = "log1p"),
  @JsonSubTypes.Type(value = Derived.class, name = "derive"),
  @JsonSubTypes.Type(value = WoeFit.class, name = "woe"),
  @JsonSubTypes.Type(value = SelectionFit.class, name = "select"),
  @JsonSubTypes.Type(value = PcaFit.class, name = "pca")
})
public sealed interface FittedStep
    permits ImputationFit, OneHotFit, OrdinalFit, ScalerFit, ClipFit, Log1p, Derived, WoeFit, SelectionFit, PcaFit {
  /** Applies the step to {@code table}; absent input columns count as all missing. */
  Table transform(Table table);

  /** The columns this step reads. */
  List<String> inputs();

  /**
   * The columns this step creates, each mapped to the input column it came from (a derived
   * column maps to itself: it is its own source); none by default.
   */
  default Map<String, String> created() {
    return Map.of();
  }

  /**
   * Columns that are encodings from here on (flags, one-hot, WoE, booleans made 0/1): later type
   * selectors skip them; none by default.
   */
  default List<String> encodings() {
    return List.of();
  }
}
