package dev.bankml.cli;

import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.table.BinaryTarget;
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

  @Option(names = "--model", required = true, paramLabel = "FILE.bankml", description = "The model bundle.")
  Path modelFile;

  @picocli.CommandLine.Mixin TrustOption trust;

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

  @Option(names = "--json", description = "Print the metrics and calibration table as one JSON object to stdout.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (bins < 1 || bins > 1000) {
      throw new BankmlException("--bins must be between 1 and 1000, got " + bins);
    }
    LoanDefaultModel model = LoanDefaultModel.load(modelFile, trust.loadOptions());
    Table table = PredictCommand.Input.read(input, quiet || json);
    Rows rows = new Rows(input, table, PredictCommand.Input.idColumn(model, table, input, idColumn));
    String column = target != null ? target : model.settings().target();
    Optional<String> positiveValue = Optional.ofNullable(positive)
        .or(() -> column.equals(model.settings().target()) ? model.settings().positiveValue() : Optional.empty());
    requireInputs(model, table);
    int[] labels = labels(table, new BinaryTarget(column, positiveValue), rows);
    double[] p = score(model, table, rows);
    Validation v = new Validation(model, column, labels, p, bins);
    if (chart != null) {
      ChartImage image = CalibrationCurve.chart(v.calibration(),
          model.provenance().backend() + " " + model.provenance().algorithm() + " on " + input.getFileName());
      AtomicFile.write(chart, out -> out.write(image.png()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
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

  /** A column the model reads that is absent altogether would be imputed in every row: a back-test of something else. */
  private void requireInputs(LoanDefaultModel model, Table table) {
    List<String> absent = model.inputSchema().stream().map(InputField::name).filter(n -> !table.has(n)).toList();
    if (!absent.isEmpty()) {
      throw new BankmlException(input + " lacks " + absent.size() + " of the model's " + model.inputSchema().size()
          + " input columns: " + absent + "; validate on data with the columns the model was trained on");
    }
  }

  /**
   * The model's probabilities for every row, as one batch. If the batch fails, the first row that
   * fails on its own is named in the error.
   */
  private static double[] score(LoanDefaultModel model, Table table, Rows rows) {
    try {
      return model.probabilities(table);
    } catch (BankmlException batch) {
      for (int i = 0; i < table.rows(); i++) {
        try {
          model.probability(table.row(i));
        } catch (BankmlException one) {
          throw new BankmlException(rows.input() + ", " + rows.where(i) + ": " + one.getMessage(), one);
        }
      }
      throw new BankmlException(rows.input() + ": " + batch.getMessage(), batch);
    }
  }

  /** How to name row {@code i} of the input in an error: its id if it has one, else its position. */
  record Rows(Path input, Table table, Optional<String> idColumn) {
    String where(int i) {
      List<String> about = new ArrayList<>();
      boolean csv = !Files.isDirectory(input);
      if (csv) {
        about.add("line " + (i + 2));
      }
      idColumn.filter(table::has).filter(c -> !table.column(c).isMissing(i))
          .ifPresent(c -> about.add(c + " " + table.column(c).text(i)));
      String position = (csv ? "data row " : "row ") + (i + 1);
      return about.isEmpty() ? position : position + " (" + String.join(", ", about) + ")";
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
