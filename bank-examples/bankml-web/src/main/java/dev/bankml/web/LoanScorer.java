package dev.bankml.web;

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
   * Assesses one applicant. {@code values} holds one entry per schema field, already validated
   * against the schema: numbers as plain decimal text, categories as one of the levels, dates as
   * ISO yyyy-mm-dd, booleans as {@code true}/{@code false}.
   */
  ModelAnswer assess(Map<String, String> values);
}
