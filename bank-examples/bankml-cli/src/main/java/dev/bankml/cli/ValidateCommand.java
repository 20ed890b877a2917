package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.SettingException;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import dev.bankml.features.table.TargetValueException;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.metrics.CalibrationTable;
import dev.bankml.report.CalibrationCurve;
import dev.bankml.report.ChartImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml validate}: back-tests a saved model on labelled data it was not trained on. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Back-tests a model bundle on labelled data it was not trained on (a later period, another portfolio).",
      "Scores every row with the model's (calibrated) probabilities and reports AUC, Gini, KS, average",
      "precision, log loss, Brier, expected calibration error, mean predicted vs observed default rate,",
      "accuracy/precision/recall/F1 at the model's stored threshold, and the calibration table."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LoanModelFile bundle;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv|BANKDIR",
      description = "Labelled applications: a CSV file, or a bank directory (its loan-application view, target 'defaulted').")
  Path input;

  @Option(names = "--target", paramLabel = "COL",
      description = "Observed outcome column (default: the model's target); boolean, 0/1 or categorical.")
  String target;

  @Option(names = "--positive", paramLabel = "VALUE",
      description = "The target value that means default (default: the model's, else yes/true/1/bad/...).")
  String positive;

  @Option(names = "--id-column", paramLabel = "COL",
      description = "Column that names rows in error messages (default: loan_id for a bank directory, else the model's id column).")
  String idColumn;

  @Option(names = "--bins", paramLabel = "N", defaultValue = "10",
      description = "Equal-width probability bins of the calibration table and ECE (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "Write the calibration curve as a PNG.")
  Path chart;

  @Option(names = "--lenient",
      description = "Validate on the rows that pass the model's input schema and write the others, with their reasons, to"
          + " --rejects (default: strict, any row or column the schema refuses stops the command, exit 2).")
  boolean lenient;

  @Option(names = "--rejects", paramLabel = "FILE.csv", description = "Where --lenient writes the refused rows (required with it).")
  Path rejects;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    if (bins < 1 || bins > 1000) {
      throw new BankmlException("--bins must be between 1 and 1000, got " + bins);
    }
    if (lenient != (rejects != null)) {
      throw new BankmlException("--lenient and --rejects FILE.csv go together: the refused rows are written to the rejects file");
    }
    LoanDefaultModel model = bundle.load();
    PrintWriter err = spec.commandLine().getErr();
    ScoringInput in = ScoringInput.read(model, input, idColumn, output.silent());
    String column = target != null ? target : model.settings().target();
    Optional<String> positiveValue = Optional.ofNullable(positive)
        .or(() -> column.equals(model.settings().target()) ? model.settings().positiveValue() : Optional.empty());
    if (!in.table().has(column)) {
      throw new BankmlException("target column '" + column + "' is not in " + input + "; columns are "
          + in.table().columnNames() + " (choose one with --target)");
    }
    if (model.schema().field(column).isEmpty()) {
      in = in.withRole(column, ColumnRole.TARGET);
    }
    in.warnDuplicateIds(err);
    ScoringInput.Checked checked = in.check(model, new ScoringInput.Policy(lenient, Optional.ofNullable(rejects)), err);
    Table table = checked.scorable();
    if (table.rows() == 0) {
      throw new BankmlException("no row of " + input + " passes the model's input schema; the reasons are in " + rejects);
    }
    Rows rows = new Rows(in, checked.rows());
    int[] labels = labels(table, new BinaryTarget(column, positiveValue), rows);
    double[] p = model.probabilities(table);
    Validation v = new Validation(model, column, labels, p, bins);
    if (chart != null) {
      ChartImage image = CalibrationCurve.chart(v.calibration(),
          model.provenance().backend() + " " + model.provenance().algorithm() + " on " + input.getFileName());
      AtomicFile.write(chart, out -> out.write(image.png()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(EvaluateCommand.ModelOptions.JSON.writeValueAsString(v.json(input)));
    } else {
      out.print(v.text(input));
      if (chart != null) {
        out.println("wrote calibration curve to " + chart);
      }
    }
    out.flush();
    return 0;
  }

  /** How to name row {@code i} of the table being validated (after any rejected rows were set aside) in an error. */
  record Rows(ScoringInput in, int[] original) {
    Path input() {
      return in.input();
    }

    String where(int i) {
      return in.where(original[i]);
    }
  }

  /** The validation's 0/1 outcomes: the one label rule, errors naming the row by line and id, both outcomes required. */
  static int[] labels(Table table, BinaryTarget target, Rows rows) {
    int[] y;
    try {
      y = target.labels(table);
    } catch (TargetValueException e) {
      throw new SettingException(e.setting().orElse(""), e.at(rows.input() + ", " + rows.where(e.row())));
    } catch (SettingException e) {
      throw new SettingException(e.setting().orElse(""), rows.input() + ": " + e.getMessage());
    }
    int pos = 0;
    for (int v : y) {
      pos += v;
    }
    if (pos == 0 || pos == y.length) {
      throw new BankmlException("target column '" + target.column() + "' in " + rows.input() + " has " + pos
          + " defaults in " + y.length + " rows; validation needs both defaulted and repaid loans");
    }
    return y;
  }

  /** The metrics of one validation: probabilities against observed labels. */
  record Validation(LoanDefaultModel model, String target, int[] labels, double[] probabilities, int binCount) {
    BinaryMetrics metrics() {
      return BinaryMetrics.of(labels, probabilities, model.threshold());
    }

    CalibrationTable calibration() {
      return CalibrationTable.of(labels, probabilities, binCount);
    }

    double meanPredicted() {
      double sum = 0;
      for (double p : probabilities) {
        sum += p;
      }
      return sum / probabilities.length;
    }

    long positives() {
      long n = 0;
      for (int y : labels) {
        n += y;
      }
      return n;
    }

    Map<String, Object> json(Path input) {
      BinaryMetrics m = metrics();
      CalibrationTable cal = calibration();
      Map<String, Object> j = new LinkedHashMap<>();
      Map<String, Object> about = new LinkedHashMap<>();
      about.put("backend", model.provenance().backend());
      about.put("algorithm", model.provenance().algorithm());
      about.put("calibrated", model.calibrator().isPresent());
      j.put("model", about);
      j.put("input", input.toString());
      j.put("target", target);
      j.put("rows", labels.length);
      j.put("positives", positives());
      j.put("auc", m.auc());
      j.put("gini", m.gini());
      j.put("ks", m.ks());
      j.put("average_precision", m.averagePrecision());
      j.put("log_loss", m.logLoss());
      j.put("brier", m.brier());
      j.put("ece", cal.expectedCalibrationError());
      j.put("bins", binCount);
      j.put("mean_predicted", meanPredicted());
      j.put("observed_rate", m.positiveRate());
      j.put("threshold", m.threshold());
      j.put("accuracy", m.accuracy());
      j.put("precision", m.precision());
      j.put("recall", m.recall());
      j.put("f1", m.f1());
      List<Map<String, Object>> table = new ArrayList<>();
      for (CalibrationTable.Bin b : cal.bins()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lower", b.lower());
        row.put("upper", b.upper());
        row.put("rows", b.count());
        row.put("mean_predicted", b.meanPredicted());
        row.put("observed_rate", b.observedRate());
        table.add(row);
      }
      j.put("calibration", table);
      return j;
    }

    String text(Path input) {
      BinaryMetrics m = metrics();
      CalibrationTable cal = calibration();
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "%s %s (%s) validated on %s: %,d rows, %,d defaults (%.2f%%)%n",
          model.provenance().backend(), model.provenance().algorithm(),
          model.calibrator().isPresent() ? "calibrated" : "not calibrated", input, labels.length, positives(),
          100 * m.positiveRate()));
      s.append(String.format(Locale.ROOT, "  AUC %.4f   Gini %.4f   KS %.4f   average precision %.4f%n",
          m.auc(), m.gini(), m.ks(), m.averagePrecision()));
      s.append(String.format(Locale.ROOT, "  log loss %.4f   Brier %.4f   ECE %.4f (%d bins)%n",
          m.logLoss(), m.brier(), cal.expectedCalibrationError(), binCount));
      s.append(String.format(Locale.ROOT, "  mean predicted %.4f   observed default rate %.4f%n",
          meanPredicted(), m.positiveRate()));
      s.append(String.format(Locale.ROOT, "  at threshold %.4f: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f%n",
          m.threshold(), m.accuracy(), m.precision(), m.recall(), m.f1()));
      s.append(String.format(Locale.ROOT, "calibration (%d equal-width bins; empty bins left out):%n", binCount));
      s.append(String.format(Locale.ROOT, "  %-13s %9s %15s %14s%n", "bin", "rows", "mean predicted", "observed rate"));
      for (CalibrationTable.Bin b : cal.bins()) {
        s.append(String.format(Locale.ROOT, "  %-13s %,9d %15.4f %14.4f%n",
            String.format(Locale.ROOT, "%.3f-%.3f", b.lower(), b.upper()), b.count(), b.meanPredicted(), b.observedRate()));
      }
      return s.toString();
    }
  }
}
