package dev.bankml.web;

import dev.bankml.models.explain.ColumnContribution;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.ScoreScaling;
import dev.bankml.models.schema.InputSchema;
import dev.bankml.models.schema.SchemaField;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A {@link LoanScorer} over a trained {@link LoanDefaultModel}: its input schema and assessments. */
final class LoanModelScorer implements LoanScorer {
  private static final int MAX_REASONS = 4;
  private final LoanDefaultModel model;
  private final String label;
  private final List<FormField> schema;

  /** The model with its own typical values (the pipeline's medians and most frequent levels). */
  LoanModelScorer(LoanDefaultModel model) {
    this(model, Map.of());
  }

  /**
   * The model with the form pre-filled from {@code typical} where it has a valid value for a field
   * (e.g. a real median applicant), else from the pipeline's typical value.
   */
  LoanModelScorer(LoanDefaultModel model, Map<String, String> typical) {
    this.model = model;
    this.label = model.provenance().backend() + " · " + model.provenance().algorithm();
    List<FormField> fields = new ArrayList<>();
    for (dev.bankml.features.pipeline.InputField f : model.inputSchema()) {
      SchemaField s = model.schema().field(f.name()).orElseThrow();
      fields.add(withTypical(field(f, s), s, typical.get(f.name())));
    }
    this.schema = List.copyOf(fields);
  }

  LoanDefaultModel model() {
    return model;
  }

  /** The form field of pipeline input {@code f}, valid over the schema's plausible range {@code s}. */
  private static FormField field(dev.bankml.features.pipeline.InputField f, SchemaField s) {
    return switch (f.type()) {
      case NUMBER -> number(f, s);
      case CATEGORY -> FormField.category(f.name(), f.levels(), f.typical());
      case DATE -> new FormField(f.name(), FieldType.DATE, s.min(), s.max(), Double.NaN, List.of(), f.typical());
      case BOOLEAN -> FormField.bool(f.name(), Boolean.parseBoolean(f.typical()));
    };
  }

  /** {@code field} pre-filled with {@code value} when the schema's field {@code s} accepts it. */
  private static FormField withTypical(FormField field, SchemaField s, String value) {
    if (value == null || value.isBlank()
        || !InputSchema.of(List.of(s), List.of()).check(Map.of(field.name(), value)).valid()) {
      return field;
    }
    return new FormField(field.name(), field.type(), field.min(), field.max(), field.step(), field.levels(), value);
  }

  /**
   * A number field valid over the schema's plausible range (the training range with a margin, in
   * round numbers, so the form refuses what the API refuses) and the typical value rounded to
   * {@link NumberText#DIGITS} significant digits.
   */
  private static FormField number(dev.bankml.features.pipeline.InputField f, SchemaField s) {
    double min = s.min();
    double max = s.max();
    String typical = f.typical();
    try {
      double t = NumberText.tidy(Double.parseDouble(typical), RoundingMode.HALF_EVEN);
      typical = NumberText.format(Double.isNaN(min) || Double.isNaN(max) ? t : Math.max(min, Math.min(max, t)));
    } catch (NumberFormatException e) {
      // not a number: keep the pipeline's text, validation will say what is wrong with it
    }
    return new FormField(f.name(), FieldType.NUMBER, min, max, f.step(), List.of(), typical);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<FormField> schema() {
    return schema;
  }

  @Override
  public InputSchema inputSchema() {
    return model.schema();
  }

  /**
   * The model's own answer: its grade, its principal reasons (column, wording, log-odds and the
   * score points on the model's own scale) and every column's contribution, largest magnitude first.
   */
  @Override
  public ModelAnswer assess(Map<String, String> values) {
    dev.bankml.models.loan.Assessment a = model.assess(values);
    ScoreScaling scaling = model.scoreScaling();
    List<AnswerReason> reasons = new ArrayList<>();
    for (dev.bankml.models.loan.Reason r : a.principalReasons()) {
      if (reasons.size() == MAX_REASONS) {
        break;
      }
      reasons.add(new AnswerReason(r.column(), r.text(), r.logOdds(), AnswerReason.points(r.logOdds(), scaling)));
    }
    List<AnswerReason> contributions = a.explanation().contributions().stream()
        .filter(c -> Double.isFinite(c.logOdds()))
        .sorted(Comparator.comparingDouble((ColumnContribution c) -> -Math.abs(c.logOdds())))
        .map(c -> new AnswerReason(c.column(), "", c.logOdds(), AnswerReason.points(c.logOdds(), scaling))).toList();
    return new ModelAnswer(a.probability(), a.decision().label(), a.score(), a.grade(), reasons, contributions);
  }
}
