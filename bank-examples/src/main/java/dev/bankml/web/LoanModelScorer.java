package dev.bankml.web;

import dev.bankml.models.explain.ColumnContribution;
import dev.bankml.models.loan.LoanDefaultModel;
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
    this.label = model.manifest().backend() + " · " + model.manifest().algorithm();
    this.schema = model.inputSchema().stream().map(LoanModelScorer::field).toList();
  }

  LoanDefaultModel model() {
    return model;
  }

  private static InputField field(dev.bankml.features.pipeline.InputField f) {
    return switch (f.type()) {
      case NUMBER -> new InputField(f.name(), FieldType.NUMBER, f.min(), f.max(), f.step(), List.of(), f.typical());
      case CATEGORY -> InputField.category(f.name(), f.levels(), f.typical());
      case DATE -> new InputField(f.name(), FieldType.DATE, f.min(), f.max(), Double.NaN, List.of(), f.typical());
      case BOOLEAN -> InputField.bool(f.name(), Boolean.parseBoolean(f.typical()));
    };
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<InputField> schema() {
    return schema;
  }

  @Override
  public Assessment assess(Map<String, String> values) {
    dev.bankml.models.loan.Assessment a = model.assess(values);
    List<ColumnContribution> risks = a.explanation().topRisks(MAX_REASONS);
    List<Reason> reasons = new ArrayList<>();
    for (int i = 0; i < a.reasons().size() && i < risks.size(); i++) {
      reasons.add(new Reason(risks.get(i).column(), a.reasons().get(i), risks.get(i).logOdds()));
    }
    return new Assessment(a.probability(), a.decision().label(), a.score(), RiskGrade.of(a.probability()), reasons);
  }

}
