package dev.bankml.web;

import dev.bankml.features.pipeline.InputType;
import dev.bankml.models.schema.InputSchema;
import dev.bankml.models.schema.SchemaField;
import java.util.List;
import java.util.Map;

/**
 * What the loan page needs from a trained loan-default model: its input schema and an assessment
 * of one applicant. Implementations are immutable and safe to call from many threads.
 */
public interface LoanScorer {
  /** A short name shown above this model's answer, e.g. {@code "tribuo · logistic"}. */
  String label();

  /** The inputs the model takes, in form order. */
  List<FormField> schema();

  /**
   * What the model accepts, which every request is checked against before {@link #assess}. By
   * default the form's fields: each required, never blank, valid within its min and max.
   */
  default InputSchema inputSchema() {
    List<SchemaField> fields = schema().stream().map(f -> new SchemaField(f.name(), InputType.valueOf(f.type().name()),
        true, false, f.min(), f.max(), f.min(), f.max(), f.type() == FieldType.CATEGORY ? f.levels() : List.of())).toList();
    return InputSchema.of(fields, List.of());
  }

  /**
   * Assesses one applicant. {@code values} holds one entry per schema field, already validated
   * against {@link #inputSchema()}: numbers as plain decimal text, categories as one of the levels,
   * dates as ISO yyyy-mm-dd, booleans as {@code true}/{@code false}, and {@code ""} for a blank
   * value where the schema allows one.
   */
  ModelAnswer assess(Map<String, String> values);
}
