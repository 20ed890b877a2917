package dev.bankml.cli;

import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.BankmlException;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

/** {@code bankml predict}: scores applications with a model bundle. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores loan applications with a model bundle written by 'bankml train'. Writes a CSV with the id,",
      "probability (of default, calibrated when the model has a calibrator), decision (approve/review/decline),",
      "score (points), grade (A safest) and, with --explain, reason_1 ... reason_4: the principal reasons in",
      "words, most risk first (every declined application has at least one). A bundle that is damaged,",
      "altered or of another format version is refused."
    })
final class PredictCommand implements Callable<Integer> {
  private static final int REASONS = 4;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE.bankml", description = "The model bundle.")
  Path modelFile;

  @picocli.CommandLine.Mixin TrustOption trust;

  @Option(names = "--input", paramLabel = "FILE.csv|BANKDIR",
      description = "Applications to score: a CSV file, or a bank directory (its loan-application view).")
  Path input;

  @Option(names = "--record", paramLabel = "KEY=VALUE,...",
      description = "Score one application given inline, e.g. income=52000,purpose=car; prints one line.")
  String record;

  @Option(names = "--id-column", paramLabel = "COL",
      description = "Column written first to identify rows (default: loan_id for a bank directory, else the model's"
          + " id column if the input has it, else the row number).")
  String idColumn;

  @Option(names = "--explain", description = "Add reason_1 ... reason_4 (principal reasons, most risk first).")
  boolean explain;

  @Option(names = "--out", paramLabel = "PREDICTIONS.csv", description = "Where to write the predictions (needed with --input).")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    if ((input == null) == (record == null)) {
      throw new BankmlException("give either --input FILE.csv|BANKDIR (with --out) or --record KEY=VALUE,...");
    }
    LoanDefaultModel model = LoanDefaultModel.load(modelFile, trust.loadOptions());
    PrintWriter console = spec.commandLine().getOut();
    if (record != null) {
      Assessment a = model.assess(parseRecord(record));
      console.printf(Locale.ROOT, "probability %.4f  decision %s  score %d  grade %s%s%n", a.probability(),
          a.decision().label(), a.score(), a.grade(), a.reasons().isEmpty() ? "" : "  reasons: " + String.join("; ", a.reasons()));
      console.flush();
      return 0;
    }
    if (out == null) {
      throw new BankmlException("--out PREDICTIONS.csv is required with --input");
    }
    Table table = Input.read(input, true);
    String id = Input.idColumn(model, table, input, idColumn).orElse(null);
    List<String> header = new ArrayList<>(List.of(id == null ? "row" : id, "probability", "decision", "score", "grade"));
    if (explain) {
      for (int r = 1; r <= REASONS; r++) {
        header.add("reason_" + r);
      }
    }
    List<Assessment> assessed = explain ? model.assessAll(table) : null;
    double[] p = explain ? null : model.probabilities(table);
    Column ids = id == null ? null : table.column(id);
    write(out, header, table.rows(), i -> {
      List<String> row = new ArrayList<>();
      row.add(ids == null ? Integer.toString(i + 1) : ids.text(i));
      double prob = explain ? assessed.get(i).probability() : p[i];
      row.add(String.format(Locale.ROOT, "%.6f", prob));
      row.add(model.decide(prob).label());
      row.add(Long.toString(model.score(prob)));
      row.add(model.grade(prob));
      if (explain) {
        List<String> reasons = assessed.get(i).reasons();
        for (int r = 0; r < REASONS; r++) {
          row.add(r < reasons.size() ? reasons.get(r) : "");
        }
      }
      return row;
    });
    if (!quiet) {
      System.err.printf(Locale.ROOT, "scored %,d rows with %s %s; wrote %s%n", table.rows(), model.provenance().backend(),
          model.provenance().algorithm(), out);
    }
    return 0;
  }

  /** How {@code predict} and {@code validate} read the applications they score. */
  static final class Input {
    private Input() {}

    /** The table in {@code input}: a CSV file, or the loan-application view of a bank directory. */
    static Table read(Path input, boolean quiet) {
      if (!Files.exists(input)) {
        throw new BankmlException("--input " + input + " does not exist; give a CSV file or a bank directory");
      }
      return EvaluateCommand.ModelOptions.load(input, quiet);
    }

    /**
     * The column that names rows: {@code requested} (which must exist), loan_id for a bank directory,
     * else the first of the model's id columns the input has, else none (rows are numbered).
     */
    static Optional<String> idColumn(LoanDefaultModel model, Table table, Path input, String requested) {
      if (requested != null) {
        if (!table.has(requested)) {
          throw new BankmlException("--id-column '" + requested + "' is not in " + input + "; columns are " + table.columnNames());
        }
        return Optional.of(requested);
      }
      if (Files.isDirectory(input) && table.has("loan_id")) {
        return Optional.of("loan_id");
      }
      for (String id : model.settings().idColumns()) {
        if (table.has(id)) {
          return Optional.of(id);
        }
      }
      return Optional.empty();
    }
  }

  static Map<String, Object> parseRecord(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new BankmlException("--record part '" + part.trim() + "' is not KEY=VALUE");
      }
      m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return m;
  }

  interface RowWriter {
    List<String> row(int i);
  }

  private static void write(Path file, List<String> header, int rows, RowWriter rowWriter) {
    AtomicFile.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(csvLine(header));
      for (int i = 0; i < rows; i++) {
        w.write(csvLine(rowWriter.row(i)));
      }
      w.flush();
    });
  }

  private static String csvLine(List<String> cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        s.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        s.append(c);
      }
    }
    return s.append('\n').toString();
  }
}
