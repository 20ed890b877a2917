package dev.bankml.cli;

import dev.bankml.report.ReportOptions;
import dev.bankml.report.RiskReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml report}: one self-contained HTML risk report with charts. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes one self-contained HTML report (charts embedded as PNG data; opens offline): the data profile",
      "(histograms, default rate by level, correlation heat map, missing-value map), a cross-validated comparison",
      "of every backend and algorithm with default hyperparameters, ROC and precision-recall curves, KS plot,",
      "calibration curve, confusion matrix, score distribution by class, feature importance, explained example",
      "decisions and the fairness table per protected group."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LabelledData labelled;

  @Option(names = "--backend", paramLabel = "tribuo|smile",
      description = "Backend(s) to compare (repeatable; default: every backend found).")
  List<String> backends = new ArrayList<>();

  @Option(names = "--algorithm", paramLabel = "NAME",
      description = "Algorithm(s) to compare, each with default hyperparameters (repeatable; default: every classifier).")
  List<String> algorithms = new ArrayList<>();

  @Option(names = "--cv", paramLabel = "K", defaultValue = "3",
      description = "Cross-validation folds for the comparison, 2-10 (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--protected", paramLabel = "COL",
      description = "Protected column(s): never a model input, one block of the fairness table (repeatable). Columns"
          + " the data marks protected and columns named gender, sex, marital_status, race, ethnicity, religion,"
          + " nationality or age_band are protected already.")
  List<String> protectedColumns = new ArrayList<>();

  @Option(names = "--examples", paramLabel = "N", defaultValue = "3",
      description = "Explained example decisions to show, 0-10 (default: ${DEFAULT-VALUE}).")
  int examples;

  @Mixin SeedOption random;

  @Mixin QuietOption progress;

  @Option(names = "--out", required = true, paramLabel = "report.html", description = "Where to write the HTML report.")
  Path out;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    ReportOptions.Builder b = ReportOptions.builder(labelled.data).target(labelled.target).folds(folds).seed(random.seed)
        .examples(examples)
        .progress(Progress.create(progress.quiet));
    if (labelled.positive != null) {
      b.positiveLabel(labelled.positive);
    }
    backends.forEach(b::backend);
    algorithms.forEach(b::algorithm);
    protectedColumns.forEach(b::protectedColumn);
    labelled.idColumns.forEach(b::idColumn);
    labelled.excluded.forEach(b::exclude);
    RiskReport r = RiskReport.generate(b.build());
    r.write(out);
    if (!progress.quiet) {
      System.err.println();
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "wrote %s: %d rows, %d charts, best model %s (cross-validated AUC %.4f) in %.1f s%n", out, r.rows(),
        r.chartIds().size(), r.bestModel(), r.bestAuc(), (System.nanoTime() - start) / 1e9);
    w.flush();
    return 0;
  }
}
