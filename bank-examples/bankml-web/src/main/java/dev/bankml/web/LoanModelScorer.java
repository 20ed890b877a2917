package dev.bankml.web;

import dev.bankml.models.loan.LoanDefaultModel;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link LoanScorer} over a trained {@link LoanDefaultModel}: its input schema and assessments. */
final class LoanModelScorer implements LoanScorer {
  private static final int MAX_REASONS = 4;
  private final LoanDefaultModel model;
  private final String label;
  private final List<InputField> schema;

  LoanModelScorer(LoanDefaultModel model) {
    this.model = model;
    this.label = model.provenance().backend() + " · " + model.provenance().algorithm();
    this.schema = model.inputSchema().stream().map(LoanModelScorer::field).toList();
  }

  LoanDefaultModel model() {
    return model;
  }

  private static InputField field(dev.bankml.features.pipeline.InputField f) {
    return switch (f.type()) {
      case NUMBER -> number(f);
      case CATEGORY -> InputField.category(f.name(), f.levels(), f.typical());
      case DATE -> new InputField(f.name(), FieldType.DATE, f.min(), f.max(), Double.NaN, List.of(), f.typical());
      case BOOLEAN -> InputField.bool(f.name(), Boolean.parseBoolean(f.typical()));
    };
  }

  /**
   * A number field with the training range widened to {@link NumberText#DIGITS} significant digits
   * (floor of the minimum, ceiling of the maximum, so every training value stays valid) and the
   * typical value rounded the same way.
   */
  private static InputField number(dev.bankml.features.pipeline.InputField f) {
    double min = NumberText.tidy(f.min(), RoundingMode.FLOOR);
    double max = NumberText.tidy(f.max(), RoundingMode.CEILING);
    String typical = f.typical();
    try {
      double t = NumberText.tidy(Double.parseDouble(typical), RoundingMode.HALF_EVEN);
      typical = NumberText.format(Double.isNaN(min) || Double.isNaN(max) ? t : Math.max(min, Math.min(max, t)));
    } catch (NumberFormatException e) {
      // not a number: keep the pipeline's text, validation will say what is wrong with it
    }
    return new InputField(f.name(), FieldType.NUMBER, min, max, f.step(), List.of(), typical);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<InputField> schema() {
    return schema;
  }

  /** The model's own answer: its grade and its principal reasons (column, wording, log-odds). */
  @Override
  public Assessment assess(Map<String, String> values) {
    dev.bankml.models.loan.Assessment a = model.assess(values);
    List<Reason> reasons = new ArrayList<>();
    for (dev.bankml.models.loan.Reason r : a.principalReasons()) {
      if (reasons.size() == MAX_REASONS) {
        break;
      }
      reasons.add(new Reason(r.column(), r.text(), r.logOdds()));
    }
    return new Assessment(a.probability(), a.decision().label(), a.score(), a.grade(), reasons);
  }
}
