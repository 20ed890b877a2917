package dev.bankml.web;

import dev.bankml.features.table.Table;
import dev.bankml.models.explain.ColumnImportance;
import dev.bankml.models.loan.LoanDefaultModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ModelInsights} of a {@link LoanDefaultModel} on labelled rows it was not trained on:
 * its probabilities there, permutation importance and the data profile. Computed once.
 */
final class LoanModelInsights implements ModelInsights {
  private final String label;
  private final HeldOut heldOut;
  private final double threshold;
  private final List<Importance> importance;
  private final DataProfile profile;

  LoanModelInsights(LoanDefaultModel model, Table evaluation, Table training, String label, long seed) {
    String target = model.settings().target();
    int[] y = TargetColumn.labels(evaluation, target, model.settings().positiveLabel());
    int[] keep = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] >= 0).toArray();
    Table rows = keep.length == y.length ? evaluation : evaluation.selectRows(keep);
    double[] p = model.probabilities(rows);
    int[] labels = java.util.Arrays.stream(keep).map(i -> y[i]).toArray();
    this.label = label;
    this.heldOut = new HeldOut(labels, p);
    this.threshold = model.threshold();
    List<Importance> imp = new ArrayList<>();
    for (ColumnImportance c : model.permutationImportance(rows, 1, seed)) {
      imp.add(new Importance(c.column(), Math.max(0, c.meanDrop())));
    }
    this.importance = List.copyOf(imp);
    List<String> inputs = model.inputSchema().stream().map(dev.bankml.features.pipeline.InputField::name).toList();
    this.profile = ProfileData.of(training, inputs, target);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public HeldOut heldOut() {
    return heldOut;
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public List<Importance> importance() {
    return importance;
  }

  @Override
  public DataProfile profile() {
    return profile;
  }
}
