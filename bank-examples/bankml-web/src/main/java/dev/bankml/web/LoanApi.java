package dev.bankml.web;

import dev.bankml.models.schema.InputProblem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.bankml.features.dictionary.ColumnDescription;
import dev.bankml.features.dictionary.DataDictionary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code GET /api/schema}, {@code POST /api/score[?compare=true]} and {@code POST /api/score/batch}.
 * Only the first model answers unless {@code compare=true} asks every loaded model (the loan page
 * does), which keeps the plain API at one assessment per request.
 */
final class LoanApi {
  static final int JSON_LIMIT = 64 * 1024;
  static final int CSV_LIMIT = 8 * 1024 * 1024;
  static final int MAX_BATCH_ROWS = 100_000;
  private static final int REASON_COLUMNS = 4;

  /** Contributions per model in the answer: the largest in magnitude. */
  static final int MAX_CONTRIBUTIONS = 12;
  /** Form sections in this order; any other group follows in the order its first field appears. */
  private static final List<String> GROUP_ORDER = List.of(DataDictionary.APPLICATION, DataDictionary.APPLICANT,
      DataDictionary.CREDIT_HISTORY, DataDictionary.behaviour(90), DataDictionary.behaviour(180),
      DataDictionary.behaviour(365), DataDictionary.SPENDING_MIX, DataDictionary.CHANNEL_MIX, DataDictionary.OTHER);

  private final List<LoanScorer> scorers;
  private final ApplicantValidator validator;
  private final RequestBodies bodies;
  private final DataDictionary dictionary;
  private final Optional<ApplicantSource> applicants;

  LoanApi(List<LoanScorer> scorers, RequestBodies bodies, DataDictionary dictionary,
      Optional<ApplicantSource> applicants) {
    this.scorers = scorers;
    this.validator = new ApplicantValidator(scorers.isEmpty()
        ? dev.bankml.models.schema.InputSchema.of(List.of(), List.of()) : scorers.get(0).inputSchema());
    this.bodies = bodies;
    this.dictionary = dictionary;
    this.applicants = applicants;
  }

  void register(Javalin app) {
    app.get("/api/schema", this::schema);
    app.post("/api/score", this::score);
    app.post("/api/score/batch", this::batch);
    app.get("/api/score/template.csv", this::template);
    app.get("/api/customers/{id}/applicant", this::applicant);
  }

  /** Whether the form collapses this group at first: the behaviour details a loan officer rarely edits. */
  static boolean collapsed(String group) {
    return group.startsWith("Account behaviour") || group.equals(DataDictionary.SPENDING_MIX)
        || group.equals(DataDictionary.CHANNEL_MIX);
  }

  private LoanScorer primary() {
    if (scorers.isEmpty()) {
      throw ApiError.notLoaded("a loan model");
    }
    return scorers.get(0);
  }

  private void schema(Context ctx) {
    LoanScorer primary = primary();
    List<Map<String, Object>> fields = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (FormField f : primary.schema()) {
      ColumnDescription d = dictionary.describe(f.name());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("label", d.label());
      m.put("unit", d.unit());
      m.put("help", d.description());
      m.put("group", d.group());
      m.put("type", f.type().json());
      m.put("min", bound(f, f.min()));
      m.put("max", bound(f, f.max()));
      m.put("step", Double.isNaN(f.step()) ? null : f.step());
      m.put("levels", f.levels());
      Map<String, String> levelLabels = new LinkedHashMap<>();
      for (String level : f.levels()) {
        levelLabels.put(level, f.type() == FieldType.BOOLEAN ? (level.equals("true") ? "Yes" : "No") : d.levelLabel(level));
      }
      m.put("levelLabels", levelLabels);
      m.put("typical", f.typical());
      m.put("valid", primary.inputSchema().field(f.name()).map(dev.bankml.models.schema.SchemaField::valid)
          .orElse("").replaceFirst("^valid: ", ""));
      // the loan's own terms (or, for a table the dictionary does not know, any number): the page caps the sliders
      m.put("whatIf", f.type() == FieldType.NUMBER
          && (d.group().equals(DataDictionary.APPLICATION) || d.group().equals(DataDictionary.OTHER)));
      fields.add(m);
      if (!groups.contains(d.group())) {
        groups.add(d.group());
      }
    }
    groups.sort(java.util.Comparator.comparingInt(g -> GROUP_ORDER.contains(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.size()));
    List<Map<String, Object>> groupJson = new ArrayList<>();
    for (String g : groups) {
      groupJson.add(Map.of("name", g, "collapsed", collapsed(g)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fields", fields);
    out.put("groups", groupJson);
    out.put("models", scorers.stream().map(LoanScorer::label).toList());
    out.put("customerFill", applicants.<Object>map(a -> Map.of("asOf", a.asOf().toString())).orElse(null));
    ctx.json(out);
  }

  /** The known customer's profile and behaviour as of the applicants' day, for the schema's fields. */
  private void applicant(Context ctx) {
    String id = CustomerIds.check(ctx.pathParam("id"));
    ApplicantSource source = applicants.orElseThrow(() -> ApiError.notLoaded("customer data for the loan form"));
    Map<String, String> all = source.applicant(id)
        .orElseThrow(() -> ApiError.notFound("customer_id", "no customer with id '" + id + "'"));
    Map<String, String> values = new LinkedHashMap<>();
    for (FormField f : primary().schema()) {
      String v = all.get(f.name());
      if (v != null) {
        values.put(f.name(), v);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customerId", id);
    out.put("asOf", source.asOf().toString());
    out.put("values", values);
    ctx.json(out);
  }

  /** A CSV with the model's columns and one typical row: what a batch upload needs. */
  private void template(Context ctx) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      List<FormField> schema = primary().schema();
      printer.printRecord(SpreadsheetText.cells(schema.stream().map(FormField::name).toList()));
      printer.printRecord(SpreadsheetText.cells(schema.stream().map(FormField::typical).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"applications-template.csv\"");
    ctx.result(out.toString());
  }

  private static Object bound(FormField f, double v) {
    if (Double.isNaN(v)) {
      return null;
    }
    return f.type() == FieldType.DATE ? LocalDate.ofEpochDay((long) v).toString() : (Object) v;
  }

  /** {@code lenient=true} in the query string: score what can be scored, report what was set aside. */
  private static boolean lenient(Context ctx) {
    String v = ctx.queryParam("lenient");
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw new ApiError(400, "lenient", "lenient must be true or false, not '" + InputProblem.clip(v) + "'");
  }

  private void score(Context ctx) {
    LoanScorer primary = primary();
    boolean lenient = lenient(ctx);
    ApplicantValidator.Valid valid = validator.validate(bodies.json(ctx, JSON_LIMIT), lenient);
    Map<String, String> values = valid.values();
    Map<String, Object> out = answer(primary, primary.assess(values), values);
    if (lenient) {
      out.put("ignored", valid.ignored().stream().map(InputProblem::message).toList());
    }
    if (scorers.size() > 1 && "true".equals(ctx.queryParam("compare"))) {
      List<Map<String, Object>> all = new ArrayList<>();
      all.add(new LinkedHashMap<>(out));
      for (LoanScorer other : scorers.subList(1, scorers.size())) {
        all.add(answer(other, other.assess(values), values));
      }
      out.put("models", all);
    }
    ctx.json(out);
  }

  private Map<String, Object> answer(LoanScorer scorer, ModelAnswer a, Map<String, String> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("probability", a.probability());
    m.put("decision", a.decision());
    m.put("score", a.score());
    m.put("grade", a.grade());
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (AnswerReason r : a.reasons()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("field", r.field());
      rm.put("label", dictionary.describe(r.field()).label());
      rm.put("text", r.text());
      rm.put("value", shownValue(r.field(), values.get(r.field())));
      rm.put("contribution", r.contribution());
      rm.put("points", Math.round(r.points()));
      reasons.add(rm);
    }
    m.put("reasons", reasons);
    List<Map<String, Object>> contributions = new ArrayList<>();
    for (AnswerReason r : a.contributions().subList(0, Math.min(MAX_CONTRIBUTIONS, a.contributions().size()))) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("field", r.field());
      cm.put("label", dictionary.describe(r.field()).label());
      cm.put("contribution", r.contribution());
      cm.put("points", Math.round(r.points()));
      contributions.add(cm);
    }
    m.put("contributions", contributions);
    m.put("model", scorer.label());
    return m;
  }

  /**
   * The applicant's value of {@code field} as a person reads it: a category by its name, a number
   * with its unit where the unit is a short word ("$7,550", "36 months"); empty when not given.
   */
  String shownValue(String field, String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    ColumnDescription d = dictionary.describe(field);
    FormField f = formField(field);
    if (f != null && f.type() == FieldType.BOOLEAN) {
      return value.equals("true") ? "yes" : "no";
    }
    if (f == null || f.type() != FieldType.NUMBER) {
      return d.levelLabel(value);
    }
    String unit = d.unit();
    try {
      double v = Double.parseDouble(value);
      String number = java.text.NumberFormat.getNumberInstance(java.util.Locale.US).format(NumberText.round(v, 4,
          java.math.RoundingMode.HALF_EVEN));
      if (unit.equals(DataDictionary.MONEY)) {
        return (v < 0 ? "-$" : "$") + number.replace("-", "");
      }
      return unit.isEmpty() || unit.contains(" ") || unit.contains(",") || unit.equals("ratio") ? number
          : unit.equals("%") ? number + " %" : number + " " + unit;
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private FormField formField(String name) {
    for (FormField f : primary().schema()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** A reason for a CSV cell: its wording, the applicant's value and the points it cost ("Txn count high (61; costs 12 points)"). */
  private String reasonCell(AnswerReason r, Map<String, String> values) {
    String value = shownValue(r.field(), values.get(r.field()));
    long points = Math.round(r.points());
    String size = points >= 0 ? "costs " + points + " points" : "earns " + (-points) + " points";
    return r.text() + " (" + (value.isEmpty() ? "" : value + "; ") + size + ")";
  }

  /**
   * Scores a CSV upload. Strict: the first row or column the schema refuses answers 400 naming
   * line, field and value. Lenient ({@code lenient=true}): unknown columns are ignored, a refused
   * row (a bad value, or too few or too many values) comes back with empty scores and its reasons in
   * a last column {@code rejected_because}, and the response headers {@code X-Bankml-Scored} and
   * {@code X-Bankml-Rejected} count the rows. {@code format=json} (the page) answers the same as JSON:
   * the counts, the ignored columns, every refused row's line and problems, and the scored CSV.
   */
  private void batch(Context ctx) {
    LoanScorer primary = primary();
    boolean lenient = lenient(ctx);
    boolean json = json(ctx);
    String csv = bodies.text(ctx, CSV_LIMIT);
    CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    StringWriter out = new StringWriter();
    int scored = 0;
    List<Map<String, Object>> rejected = new ArrayList<>();
    List<String> ignoredColumns = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), in)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new ApiError(400, "", "the CSV has no header line; the first line must name the columns");
      }
      List<InputProblem> columns = validator.columnProblems(header);
      List<InputProblem> fatal = columns.stream()
          .filter(p -> !lenient || p.kind() != InputProblem.Kind.UNKNOWN).map(p -> p.at("line 1")).toList();
      columns.stream().filter(p -> p.kind() == InputProblem.Kind.UNKNOWN).forEach(p -> ignoredColumns.add(p.field()));
      if (!fatal.isEmpty() && (!lenient || json)) {
        // no row can be scored without its columns: say every missing one at once
        throw new InvalidFieldException(fatal);
      }
      List<String> outHeader = new ArrayList<>(header);
      outHeader.addAll(List.of("probability", "decision", "score", "grade"));
      for (int i = 1; i <= REASON_COLUMNS; i++) {
        outHeader.add("reason_" + i);
      }
      if (lenient) {
        outHeader.add("rejected_because");
      }
      try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
        printer.printRecord(outHeader);
        int rows = 0;
        for (CSVRecord record : parser) {
          if (++rows > MAX_BATCH_ROWS) {
            throw new ApiError(413, "", "the CSV has more than " + MAX_BATCH_ROWS + " rows; split it");
          }
          long line = parser.getCurrentLineNumber();
          String where = "line " + line;
          List<String> row = new ArrayList<>(SpreadsheetText.cells(record.toList()));
          try {
            if (!record.isConsistent()) {
              String message = where + ": " + record.size() + " values but the header has " + header.size();
              if (!lenient) {
                throw new ApiError(400, "", message);
              }
              while (row.size() < header.size()) {
                row.add("");
              }
              row = new ArrayList<>(row.subList(0, header.size()));
              throw new InvalidFieldException("", message);
            }
            if (!fatal.isEmpty()) {
              throw new InvalidFieldException(fatal);
            }
            Map<String, String> values = validator.validateText(record.toMap(), where, lenient).values();
            ModelAnswer a = primary.assess(values);
            row.add(NumberText.format(a.probability()));
            row.add(a.decision());
            row.add(NumberText.format(a.score()));
            row.add(a.grade());
            for (int i = 0; i < REASON_COLUMNS; i++) {
              row.add(i < a.reasons().size() ? SpreadsheetText.cell(reasonCell(a.reasons().get(i), values)) : "");
            }
            if (lenient) {
              row.add("");
            }
            scored++;
          } catch (InvalidFieldException e) {
            if (!lenient) {
              throw e;
            }
            for (int i = 0; i < 4 + REASON_COLUMNS; i++) {
              row.add("");
            }
            List<String> messages = e.problems().isEmpty() ? List.of(e.getMessage())
                : e.problems().stream().map(InputProblem::message).toList();
            row.add(SpreadsheetText.cell(String.join("; ", messages)));
            rejected.add(rowError(line, e));
          }
          printer.printRecord(row);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new ApiError(400, "", "the CSV could not be read: " + InputProblem.clip(String.valueOf(e.getMessage())));
    }
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("scored", scored);
      report.put("rejected", rejected.size());
      report.put("ignoredColumns", ignoredColumns.stream().map(c -> dictionary.describe(c).label()).toList());
      report.put("errors", rejected);
      report.put("csv", out.toString());
      ctx.json(report);
      return;
    }
    if (lenient) {
      ctx.header("X-Bankml-Scored", Integer.toString(scored));
      ctx.header("X-Bankml-Rejected", Integer.toString(rejected.size()));
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"scored.csv\"");
    ctx.result(out.toString());
  }

  /** {@code format=json} in the query string: the batch answer as JSON (counts, refused rows, the CSV). */
  private static boolean json(Context ctx) {
    String v = ctx.queryParam("format");
    if (v == null || v.equals("csv")) {
      return false;
    }
    if (v.equals("json")) {
      return true;
    }
    throw new ApiError(400, "format", "format must be csv or json, not '" + InputProblem.clip(v) + "'");
  }

  /** A refused CSV row for the page: its line and each problem worded with the column's label. */
  private Map<String, Object> rowError(long line, InvalidFieldException e) {
    List<Map<String, Object>> problems = new ArrayList<>();
    if (e.problems().isEmpty()) {
      problems.add(Map.of("field", "", "label", "", "message", e.getMessage().replaceFirst("^line \\d+: ", "")));
    }
    for (InputProblem p : e.problems()) {
      String label = dictionary.describe(p.field()).label();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", p.field());
      m.put("label", label);
      m.put("message", label + (p.value().isEmpty() ? "" : " \u2018" + p.value() + "\u2019") + ": " + p.detail());
      problems.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", line);
    m.put("problems", problems);
    return m;
  }
}
