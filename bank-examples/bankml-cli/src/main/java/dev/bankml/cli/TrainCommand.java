package dev.bankml.cli;

import dev.bankml.features.table.Table;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml train}: trains a loan-default model and writes a model bundle. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains a loan-default model and writes it as one .bankml model bundle: the configuration is chosen",
      "by cross-validation, then trained on all rows. The bundle holds the fitted feature pipeline, the",
      "backend's model, the threshold and score scaling, the input schema, the cross-validated metrics and",
      "a SHA-256 per entry, signed with your key (see 'bankml keys'). When a search chose the model (--algorithm auto, --tune) the reported score is a",
      "selection score: the winner's, on the folds that chose it (optimistic); 'bankml evaluate' gives the",
      "nested estimate."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EvaluateCommand.ModelOptions model;

  @Option(names = "--out", required = true, paramLabel = "FILE.bankml", description = "Where to write the model bundle.")
  Path out;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    Table table = EvaluateCommand.ModelOptions.load(model.labelled.data, output.silent());
    LoanDefaultModel m = model.options(output.silent()).fit(table);
    m.save(out);
    PrintWriter w = spec.commandLine().getOut();
    if (output.json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("model", out.toString());
      j.put("backend", m.provenance().backend());
      j.put("algorithm", m.provenance().algorithm());
      j.put("hyperparameters", m.provenance().hyperparameters());
      j.put("threshold", m.threshold());
      j.put("threshold_policy", m.settings().thresholdPolicy());
      j.put("review_band", m.settings().reviewBand());
      j.put("score_scaling", ordered("base_score", m.scoreScaling().baseScore(), "base_odds", m.scoreScaling().baseOdds(),
          "pdo", m.scoreScaling().pointsToDoubleOdds()));
      j.put("risk_grades", ordered("upper_bounds", m.riskGrades().upperBounds(), "letters", m.riskGrades().letters()));
      j.put("calibration", m.calibrator().map(c -> c.method().key()).orElse("none"));
      j.put("metrics", m.provenance().metrics());
      j.put("score", selection(m) ? "selection" : "cross-validated");
      j.put("skipped", m.settings().skippedCandidates().stream().map(c -> ordered("algorithm", c.algorithm(),
          "hyperparameters", c.hyperparameters(), "reason", c.reason())).toList());
      w.println(EvaluateCommand.ModelOptions.JSON.writeValueAsString(j));
    } else {
      w.printf(Locale.ROOT, "wrote %s: %s %s %s%n", out, m.provenance().backend(), m.provenance().algorithm(),
          m.provenance().hyperparameters());
      w.printf(Locale.ROOT, "  %s AUC %.4f, KS %.4f, Brier %.4f; threshold %.4f (%s); %d inputs%n",
          selection(m) ? "selection score (cross-validated on the folds that chose it; optimistic):" : "cross-validated",
          m.provenance().metrics().get("cv_auc"), m.provenance().metrics().get("cv_ks"),
          m.provenance().metrics().get("cv_brier"), m.threshold(), m.settings().thresholdPolicy(), m.inputSchema().size());
      w.printf(Locale.ROOT, "  calibration %s; score %.0f points at odds %.4g:1, %.4g points to double the odds%n",
          m.calibrator().map(c -> c.method().key()).orElse("none"), m.scoreScaling().baseScore(), m.scoreScaling().baseOdds(),
          m.scoreScaling().pointsToDoubleOdds());
    }
    if (!output.json && !m.settings().skippedCandidates().isEmpty()) {
      w.printf(Locale.ROOT, "  time limit reached: %d candidate(s) left out (see --json)%n",
          m.settings().skippedCandidates().size());
    }
    w.flush();
    return 0;
  }

  /** Whether a search chose the model among several candidates. */
  private static boolean selection(LoanDefaultModel m) {
    return m.settings().selection() == Selection.SAME_FOLDS;
  }

  /** A JSON object whose keys keep the order given (Map.of's order changes from run to run). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
