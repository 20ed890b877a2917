package dev.bankml.web;

import dev.bankml.features.drift.Psi;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.explain.ColumnImportance;
import dev.bankml.models.loan.LoanDefaultModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ModelInsights} of a {@link LoanDefaultModel} on labelled evaluation rows: its probabilities
 * there, permutation importance, the training data profile and the drift between training and
 * evaluation rows. Computed on first use (so a server with several models starts quickly), once.
 */
final class LoanModelInsights implements ModelInsights {
  private static final Pattern MIN_COST = Pattern.compile("min-cost fn=([0-9.eE+-]+) fp=([0-9.eE+-]+)");
  private final LoanDefaultModel model;
  private final Table evaluation;
  private final Table training;
  private final String label;
  private final String evaluatedOn;
  private final boolean heldOutRows;
  private final long seed;
  private volatile Computed computed;

  private record Computed(HeldOut heldOut, double[] exposure, List<Importance> importance, DataProfile profile,
      List<Drift> drift) {}

  /**
   * @param evaluation labelled rows to evaluate on
   * @param training the training rows (profile and drift baseline), or the evaluation rows when unknown
   * @param evaluatedOn the evaluation rows in words
   * @param heldOutRows whether {@code evaluation} was kept out of training
   */
  LoanModelInsights(LoanDefaultModel model, Table evaluation, Table training, String label, String evaluatedOn,
      boolean heldOutRows, long seed) {
    this.model = model;
    this.evaluation = evaluation;
    this.training = training;
    this.label = label;
    this.evaluatedOn = evaluatedOn;
    this.heldOutRows = heldOutRows;
    this.seed = seed;
  }

  private Computed computed() {
    Computed c = computed;
    if (c == null) {
      synchronized (this) {
        if (computed == null) {
          computed = compute();
        }
        c = computed;
      }
    }
    return c;
  }

  private Computed compute() {
    int[] y = model.target().labelsOrMissing(evaluation);
    int[] keep = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] >= 0).toArray();
    Table rows = keep.length == y.length ? evaluation : evaluation.selectRows(keep);
    double[] p = model.probabilities(rows);
    int[] labels = Arrays.stream(keep).map(i -> y[i]).toArray();
    double[] exposure = new double[0];
    if (rows.has("amount") && rows.column("amount") instanceof NumericColumn amount) {
      exposure = amount.values();
    }
    List<Importance> imp = new ArrayList<>();
    for (ColumnImportance c : model.permutationImportance(rows, 1, seed)) {
      imp.add(new Importance(c.column(), Math.max(0, c.meanDrop())));
    }
    List<String> inputs = model.inputSchema().stream().map(dev.bankml.features.pipeline.InputField::name).toList();
    DataProfile profile = ProfileData.of(training, inputs, model.target());
    List<Drift> drift = new ArrayList<>();
    if (training != evaluation) {
      for (String column : inputs) {
        if (training.has(column) && rows.has(column)) {
          Column a = training.column(column);
          Column b = rows.column(column);
          if (a.type() == b.type()) {
            try {
              drift.add(new Drift(column, Psi.between(training, rows, column).psi()));
            } catch (RuntimeException e) {
              // a column type PSI does not bin (dates, booleans): no drift figure for it
            }
          }
        }
      }
    }
    return new Computed(new HeldOut(labels, p), exposure, List.copyOf(imp), profile, List.copyOf(drift));
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String evaluatedOn() {
    return evaluatedOn;
  }

  @Override
  public boolean heldOutRows() {
    return heldOutRows;
  }

  @Override
  public HeldOut heldOut() {
    return computed().heldOut();
  }

  @Override
  public Map<String, Double> crossValidated() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    model.provenance().metrics().forEach((k, v) -> {
      if (k.startsWith("cv_")) {
        out.put(k.substring(3), v);
      }
    });
    return out;
  }

  @Override
  public int cvFolds() {
    return model.settings().cvFolds();
  }

  @Override
  public double threshold() {
    return model.threshold();
  }

  @Override
  public String grade(double p) {
    return model.grade(p);
  }

  @Override
  public List<String> gradeLetters() {
    return model.riskGrades().letters();
  }

  /** The model's own costs when its threshold was chosen by cost, else {@link Costs#ASSUMED}. */
  @Override
  public Costs costs() {
    Matcher m = MIN_COST.matcher(model.settings().thresholdPolicy());
    if (m.find()) {
      return new Costs(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
          "the model's own: its threshold minimises this cost");
    }
    return Costs.ASSUMED;
  }

  @Override
  public double[] exposure() {
    return computed().exposure().clone();
  }

  @Override
  public List<Importance> importance() {
    return computed().importance();
  }

  @Override
  public DataProfile profile() {
    return computed().profile();
  }

  @Override
  public List<Drift> drift() {
    return computed().drift();
  }
}
