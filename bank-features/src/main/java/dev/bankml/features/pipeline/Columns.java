package dev.bankml.features.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Which columns a step applies to, resolved against the feature columns when the pipeline is
 * fitted. Type selectors skip columns that earlier steps generated (missing indicators, one-hot
 * and WoE outputs), so that scaling never touches a 0/1 flag.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "select")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Columns.OfType.class, name = "type"),
  @JsonSubTypes.Type(value = Columns.Named.class, name = "named"),
  @JsonSubTypes.Type(value = Columns.AllNumbers.class, name = "numbers")
})
public sealed interface Columns {
  /** Every numeric feature column (including derived ratios). */
  static Columns numeric() {
    return new OfType(Kind.NUMERIC);
  }

  /** Every categorical feature column. */
  static Columns categorical() {
    return new OfType(Kind.CATEGORICAL);
  }

  /** Every boolean feature column. */
  static Columns bool() {
    return new OfType(Kind.BOOLEAN);
  }

  /**
   * Every numeric and boolean column at this point of the pipeline, generated ones included (one-hot
   * and dummy indicators, missing flags): for steps that treat every input alike, as segmentation's
   * scaling does.
   */
  static Columns allNumbers() {
    return new AllNumbers();
  }

  /** Exactly the named columns (each must exist at fit time). */
  static Columns named(String... names) {
    return new Named(List.of(names));
  }

  /** The column kinds a type selector picks. */
  enum Kind {
    NUMERIC,
    CATEGORICAL,
    BOOLEAN
  }

  /** All non-generated feature columns of one kind. */
  record OfType(Kind kind) implements Columns {}

  /** Every numeric and boolean column, generated ones included. */
  record AllNumbers() implements Columns {}

  /** An explicit list of columns. */
  record Named(List<String> names) implements Columns {
    /** Copies the list. */
    public Named {
      names = List.copyOf(names);
    }
  }
}
