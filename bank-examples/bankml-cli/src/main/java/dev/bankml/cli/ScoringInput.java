package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.data.io.AtomicFile;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.schema.InputProblem;
import dev.bankml.models.schema.InvalidInputException;
import dev.bankml.models.schema.TableCheck;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The applications {@code predict} and {@code validate} score: read from a CSV file or a bank
 * directory, named row by row (line, id), and checked against the model's input schema. Strict by
 * default: any problem stops the command with every problem named. Lenient: unknown columns are
 * ignored with a warning, the rows that cannot be scored go to a rejects file with their reasons,
 * and the rest are scored.
 */
final class ScoringInput {
  /** Problems spelt out on the console in lenient mode; the rejects file has all of them. */
  private static final int WARNINGS_SHOWN = 5;

  private final Path input;
  private final Table table;
  private final Optional<String> idColumn;

  private ScoringInput(Path input, Table table, Optional<String> idColumn) {
    this.input = input;
    this.table = table;
    this.idColumn = idColumn;
  }

  /**
   * Reads {@code input} (a CSV file or a bank directory) for {@code model}; {@code requestedId} as
   * --id-column (null for the default). The id column is never a column the schema calls unknown.
   */
  static ScoringInput read(LoanDefaultModel model, Path input, String requestedId, boolean quiet) {
    Table table = InputFiles.table(input, "--input", quiet);
    Optional<String> id = idColumn(model, table, input, requestedId);
    if (id.isPresent() && model.schema().field(id.get()).isEmpty()) {
      table = table.withRole(id.get(), ColumnRole.ID);
    }
    return new ScoringInput(input, table, id);
  }

  /**
   * This input with {@code column} (which must exist) in {@code role}: a column given on the command
   * line for another purpose, such as the outcome to validate against, is not unknown to the schema.
   */
  ScoringInput withRole(String column, ColumnRole role) {
    return new ScoringInput(input, table.withRole(column, role), idColumn);
  }

  Path input() {
    return input;
  }

  Table table() {
    return table;
  }

  Optional<String> idColumn() {
    return idColumn;
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

  /** How to name row {@code i} in a message: its line in a CSV file and its id if it has one, else its position. */
  String where(int i) {
    List<String> about = new ArrayList<>();
    boolean csv = !Files.isDirectory(input);
    if (csv) {
      about.add("line " + (i + 2));
    }
    idColumn.filter(table::has).filter(c -> !table.column(c).isMissing(i))
        .ifPresent(c -> about.add(c + " " + InputProblem.clip(table.column(c).text(i))));
    String position = (csv ? "data row " : "row ") + (i + 1);
    return about.isEmpty() ? position : position + " (" + String.join(", ", about) + ")";
  }

  /** The text that names row {@code i} in an output file: its id, else its 1-based position. */
  String id(int i) {
    return idColumn.map(c -> table.column(c).text(i)).orElse(Integer.toString(i + 1));
  }

  /** Warns once on {@code err} when the id column holds the same id more than once (each row is still scored). */
  void warnDuplicateIds(PrintWriter err) {
    if (idColumn.isEmpty()) {
      return;
    }
    Column ids = table.column(idColumn.get());
    Map<String, Integer> first = new HashMap<>();
    int duplicates = 0;
    String example = null;
    for (int i = 0; i < table.rows(); i++) {
      if (ids.isMissing(i)) {
        continue;
      }
      Integer before = first.putIfAbsent(ids.text(i), i);
      if (before != null) {
        duplicates++;
        if (example == null) {
          example = idColumn.get() + " '" + InputProblem.clip(ids.text(i)) + "' in " + where(before) + " and " + where(i);
        }
      }
    }
    if (duplicates > 0) {
      err.printf(Locale.ROOT, "warning: %s: %,d rows repeat an id already seen (first: %s); every row is scored%n",
          input, duplicates, example);
      err.flush();
    }
  }

  /** How a command treats rows the schema refuses. */
  record Policy(boolean lenient, Optional<Path> rejects) {
    static Policy strict() {
      return new Policy(false, Optional.empty());
    }
  }

  /**
   * The rows to score (without unknown columns), where each came from in the input, and how many
   * were set aside.
   */
  record Checked(Table scorable, int[] rows, int rejected) {}

  /**
   * Checks the table against the model's schema. Strict: throws an {@link InvalidInputException}
   * naming the problems. Lenient: writes the refused rows with their reasons to the rejects file,
   * warns about unknown columns on {@code err}, and returns the rest.
   */
  Checked check(LoanDefaultModel model, Policy policy, PrintWriter err) {
    TableCheck check = model.schema().check(table);
    if (!policy.lenient()) {
      if (!check.valid()) {
        InvalidInputException e = new InvalidInputException(input.toString(), check.located(this::where, 100),
            check.columnProblems().size() + check.valueProblemCount());
        throw new BankmlException(e.getMessage() + System.lineSeparator()
            + "(--lenient scores the rows that pass and writes the others to a rejects file)", e);
      }
      return new Checked(table, allRows(), 0);
    }
    for (InputProblem p : check.columnProblems()) {
      if (p.kind() == InputProblem.Kind.UNKNOWN) {
        err.println("warning: " + input + ": " + p.message() + "; ignored");
      }
    }
    int[] keep = check.scorableRows();
    int rejected = table.rows() - keep.length;
    Path rejectsFile = policy.rejects().orElseThrow();
    writeRejects(rejectsFile, check);
    if (rejected > 0) {
      List<InputProblem> shown = check.located(this::where, WARNINGS_SHOWN);
      shown.stream().filter(p -> p.kind() != InputProblem.Kind.UNKNOWN).forEach(p -> err.println("rejected: " + p.message()));
    }
    err.printf(Locale.ROOT, "%s: %,d rows, %,d scored, %,d rejected (reasons in %s)%n", input, table.rows(), keep.length,
        rejected, rejectsFile);
    err.flush();
    String[] unknown = check.columnProblems().stream().filter(p -> p.kind() == InputProblem.Kind.UNKNOWN)
        .map(InputProblem::field).toArray(String[]::new);
    return new Checked(table.selectRows(keep).without(unknown), keep, rejected);
  }

  private int[] allRows() {
    int[] all = new int[table.rows()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The refused rows as CSV: the input's own columns, then why the row was refused. */
  private void writeRejects(Path file, TableCheck check) {
    List<String> header = new ArrayList<>(table.columnNames());
    header.add("rejected_because");
    List<String> absent = check.columnProblems().stream().filter(p -> p.kind() == InputProblem.Kind.ABSENT)
        .map(InputProblem::message).toList();
    AtomicFile.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(CsvLines.line(header));
      for (int i = 0; i < table.rows(); i++) {
        List<InputProblem> problems = check.problems(i);
        if (absent.isEmpty() && problems.isEmpty()) {
          continue;
        }
        List<String> row = new ArrayList<>(header.size());
        for (Column c : table.columns()) {
          row.add(c.text(i));
        }
        List<String> reasons = new ArrayList<>(absent);
        problems.forEach(p -> reasons.add(p.message()));
        row.add(String.join("; ", reasons));
        w.write(CsvLines.line(row));
      }
      w.flush();
    });
  }

  /** The rejects file beside {@code out}: {@code preds.csv} → {@code preds.rejects.csv}. */
  static Path rejectsBeside(Path out) {
    String name = out.getFileName().toString();
    String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return out.resolveSibling(stem + ".rejects.csv");
  }
}
