package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.data.io.AtomicFile;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.schema.CheckedRecord;
import dev.bankml.models.schema.InputProblem;
import dev.bankml.models.schema.InvalidInputException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
      "altered, unsigned or signed by a key you do not trust, or of another format version is refused.",
      "Input is checked against the model's input schema first: a column the model reads that is absent, an",
      "unknown column, a blank where training never had one, a non-number, a non-finite or implausible number",
      "or an unknown level stops the command (exit 2) naming line, field and value, unless --lenient."
    })
final class PredictCommand implements Callable<Integer> {
  private static final int REASONS = 4;

  @Spec CommandSpec spec;

  @Mixin LoanModelFile bundle;

  @Option(names = "--input", paramLabel = "FILE.csv|BANKDIR",
      description = "Applications to score: a CSV file, or a bank directory (its loan-application view).")
  Path input;

  @Option(names = "--record", paramLabel = "KEY=VALUE,...",
      description = "Score one application given inline, e.g. income=52000,purpose=car; prints one line. Every column"
          + " the model reads must be given (KEY= for a blank value, accepted where the training data had blanks).")
  String record;

  @Option(names = "--id-column", paramLabel = "COL",
      description = "Column written first to identify rows (default: loan_id for a bank directory, else the model's"
          + " id column if the input has it, else the row number).")
  String idColumn;

  @Option(names = "--explain", description = "Add reason_1 ... reason_4 (principal reasons, most risk first).")
  boolean explain;

  @Option(names = "--out", paramLabel = "PREDICTIONS.csv", description = "Where to write the predictions (needed with --input).")
  Path out;

  @Option(names = "--lenient",
      description = "Score the rows that pass the model's input schema and write the others, with their reasons, to a"
          + " rejects file; unknown columns are ignored with a warning (default: strict, any problem stops the command)."
          + " With --record: ignore fields the model does not know.")
  boolean lenient;

  @Option(names = "--rejects", paramLabel = "FILE.csv",
      description = "Where --lenient writes the refused rows (default: beside --out, PREDICTIONS.rejects.csv).")
  Path rejects;

  @Mixin QuietOption progress;

  @Override
  public Integer call() {
    if ((input == null) == (record == null)) {
      throw new BankmlException("give either --input FILE.csv|BANKDIR (with --out) or --record KEY=VALUE,...");
    }
    if (rejects != null && (!lenient || input == null)) {
      throw new BankmlException("--rejects goes with --lenient and --input (without --lenient a refused row stops the command)");
    }
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (record != null) {
      Map<String, Object> values = parseRecord(record);
      LoanDefaultModel model = bundle.load();
      Assessment a = model.assess(checkRecord(model, values, err));
      console.printf(Locale.ROOT, "probability %.4f  decision %s  score %d  grade %s%s%n", a.probability(),
          a.decision().label(), a.score(), a.grade(), a.reasons().isEmpty() ? "" : "  reasons: " + String.join("; ", a.reasons()));
      console.flush();
      return 0;
    }
    if (out == null) {
      throw new BankmlException("--out PREDICTIONS.csv is required with --input");
    }
    LoanDefaultModel model = bundle.load();
    ScoringInput in = ScoringInput.read(model, input, idColumn, true);
    in.warnDuplicateIds(err);
    ScoringInput.Checked checked = in.check(model,
        new ScoringInput.Policy(lenient, Optional.of(rejects != null ? rejects : ScoringInput.rejectsBeside(out))), err);
    Table table = checked.scorable();
    String id = in.idColumn().orElse(null);
    List<String> header = new ArrayList<>(List.of(id == null ? "row" : id, "probability", "decision", "score", "grade"));
    if (explain) {
      for (int r = 1; r <= REASONS; r++) {
        header.add("reason_" + r);
      }
    }
    boolean none = table.rows() == 0; // every row refused (lenient): nothing to score
    List<Assessment> assessed = explain ? (none ? List.of() : model.assessAll(table)) : null;
    double[] p = explain ? null : none ? new double[0] : model.probabilities(table);
    int[] rows = checked.rows();
    write(out, header, table.rows(), i -> {
      List<String> row = new ArrayList<>();
      row.add(in.id(rows[i]));
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
    if (!progress.quiet) {
      err.printf(Locale.ROOT, "scored %,d rows with %s %s; wrote %s%n", table.rows(), model.provenance().backend(),
          model.provenance().algorithm(), out);
      err.flush();
    }
    return 0;
  }

  /**
   * The record's values checked against the model's schema: refused with every problem named, or
   * (lenient) with fields the model does not know left out after a warning.
   */
  private Map<String, Object> checkRecord(LoanDefaultModel model, Map<String, Object> values, PrintWriter err) {
    CheckedRecord c = model.schema().check(values);
    List<InputProblem> problems = c.problems();
    if (lenient) {
      problems.stream().filter(p -> p.kind() == InputProblem.Kind.UNKNOWN)
          .forEach(p -> err.println("warning: --record: " + p.message() + "; ignored"));
      err.flush();
      problems = problems.stream().filter(p -> p.kind() != InputProblem.Kind.UNKNOWN).toList();
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("--record", problems);
    }
    return c.values();
  }

  /** KEY=VALUE pairs separated by commas; an empty VALUE is a blank value; a KEY given twice is refused. */
  static Map<String, Object> parseRecord(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new BankmlException("--record part '" + InputProblem.clip(part.trim()) + "' is not KEY=VALUE");
      }
      String key = part.substring(0, eq).trim();
      if (m.put(key, part.substring(eq + 1).trim()) != null) {
        throw new BankmlException("--record gives '" + InputProblem.clip(key) + "' twice");
      }
    }
    return m;
  }

  interface RowWriter {
    List<String> row(int i);
  }

  private static void write(Path file, List<String> header, int rows, RowWriter rowWriter) {
    AtomicFile.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(CsvLines.line(header));
      for (int i = 0; i < rows; i++) {
        w.write(CsvLines.line(rowWriter.row(i)));
      }
      w.flush();
    });
  }
}
