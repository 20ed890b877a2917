package dev.bankml.models.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.pipeline.InputType;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.Table;
import dev.bankml.models.schema.InputProblem.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one model accepts as input, and the one place every entry point (command line, web form,
 * JSON API, batch upload, Spark) checks input against: each column the model reads with its type,
 * levels, plausible range and whether it must be present and may be blank, plus the other columns
 * of the training data (ids, target, excluded columns), which the input may carry and which are
 * ignored. Immutable and safe to share between threads.
 *
 * <p>Strict rules: a column the model reads that is absent, a column nobody knows, a blank value
 * where training never had one, text in a number field, a non-finite or implausible number, an
 * unknown level, an impossible date — each is an {@link InputProblem} naming field and value.
 * A blank value in a column that was sometimes blank in training is accepted (and imputed by the
 * model's pipeline, as in training).
 */
public final class InputSchema {
  /** The version of the JSON format {@link #toJson()} writes. */
  public static final int FORMAT_VERSION = 1;
  /** Column names listed in an "unknown column" message; the rest are counted. */
  private static final int NAMES_SHOWN = 12;

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Everything a schema is; what {@link #toJson()} writes. {@code otherColumnsKnown}: whether
   * {@code otherColumns} lists every other column of the training data (so any further column is
   * unknown), or only some (a schema derived for a bundle that predates schemas: then only a column
   * whose name is close to one the model reads is called unknown, as a likely misspelling).
   */
  record State(int formatVersion, List<SchemaField> fields, List<String> otherColumns, boolean otherColumnsKnown) {
    State {
      fields = List.copyOf(fields);
      otherColumns = List.copyOf(otherColumns);
    }
  }

  private final State state;
  private final Map<String, SchemaField> byName;
  private final Set<String> others;

  private InputSchema(State state) {
    Map<String, SchemaField> m = new LinkedHashMap<>();
    for (SchemaField f : state.fields()) {
      if (m.put(f.name(), f) != null) {
        throw new BankmlException("the input schema names column '" + f.name() + "' twice");
      }
    }
    this.state = state;
    this.byName = Collections.unmodifiableMap(m);
    Set<String> o = new LinkedHashSet<>(state.otherColumns());
    o.removeAll(m.keySet());
    this.others = Collections.unmodifiableSet(o);
  }

  /**
   * A schema of {@code fields}; {@code otherColumns} (the training data's other columns) may appear
   * in the input and are ignored; any other column is unknown.
   */
  public static InputSchema of(List<SchemaField> fields, Collection<String> otherColumns) {
    return new InputSchema(new State(FORMAT_VERSION, fields, new ArrayList<>(new TreeSet<>(otherColumns)), true));
  }

  /**
   * This schema for a model whose training data's other columns were not recorded (a bundle
   * written before bundles carried a schema): columns besides {@link #otherColumns()} are accepted
   * and ignored, unless a name is so close to one the model reads that it is likely a misspelling.
   */
  public InputSchema withOtherColumnsUnknown() {
    return new InputSchema(new State(FORMAT_VERSION, state.fields(), state.otherColumns(), false));
  }

  /** Whether every column of the training data is known, so that any further column is an error. */
  public boolean otherColumnsKnown() {
    return state.otherColumnsKnown();
  }

  /**
   * The schema of a fitted pipeline's inputs (what {@code FittedPipeline.inputSchema()} learnt from
   * the training rows): every input is required unless it was blank in every training row, blank
   * values are allowed where training had some, and numbers and dates get a plausible range around
   * the training range (see {@link SchemaField#fromTraining}). {@code otherColumns}: the training
   * data's other columns (ids, target, excluded or unused columns).
   */
  public static InputSchema fromPipelineInputs(List<InputField> inputs, Collection<String> otherColumns) {
    List<SchemaField> fields = new ArrayList<>();
    for (InputField f : inputs) {
      fields.add(SchemaField.fromTraining(f.name(), f.type(), f.missingShare() < 1, f.missingShare() > 0,
          f.min(), f.max(), f.levels()));
    }
    return of(fields, otherColumns);
  }

  /** The columns the model reads, in the model's order. */
  public List<SchemaField> fields() {
    return state.fields();
  }

  /** The field named {@code name}, if the model reads that column. */
  public Optional<SchemaField> field(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names of the columns the model reads, in order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Columns the input may carry that the model does not read (ids, target, …), sorted. */
  public Set<String> otherColumns() {
    return others;
  }

  // ---- checking -------------------------------------------------------------------------------

  /**
   * Problems with the set of columns an input has: a required column that is absent, and a column
   * that is neither read by the model nor one of its {@link #otherColumns()}.
   */
  public List<InputProblem> columnProblems(Collection<String> columns) {
    Set<String> have = columns instanceof Set<String> s ? s : new LinkedHashSet<>(columns);
    List<InputProblem> out = new ArrayList<>();
    for (SchemaField f : state.fields()) {
      if (f.required() && !have.contains(f.name())) {
        out.add(InputProblem.of(Kind.ABSENT, f.name(), "", "is absent; the model reads it ("
            + f.type().name().toLowerCase(java.util.Locale.ROOT) + ")"));
      }
    }
    for (String c : have) {
      if (!byName.containsKey(c) && !others.contains(c)) {
        Optional<String> close = closest(c);
        if (state.otherColumnsKnown() || close.isPresent()) {
          out.add(InputProblem.of(Kind.UNKNOWN, c, "", unknownDetail(close)));
        }
      }
    }
    return out;
  }

  private String unknownDetail(Optional<String> close) {
    List<String> names = names();
    return "is not a column of this model; " + close.map(n -> "did you mean '" + n + "'? ").orElse("") + "it reads "
        + String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
        + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
  }

  /** The column the model reads whose name {@code column} most likely misspells: equal ignoring case and spaces, or one or two edits away. */
  private Optional<String> closest(String column) {
    String c = column.trim().toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : byName.keySet()) {
      String m = n.toLowerCase(java.util.Locale.ROOT);
      int d = m.equals(c) ? 0 : c.length() > 64 ? Integer.MAX_VALUE : editDistance(m, c, 2);
      int allowed = m.length() >= 6 ? 2 : m.length() >= 4 ? 1 : 0;
      if (d <= allowed && d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance of {@code a} and {@code b}, or {@code limit + 1} when it exceeds {@code limit}. */
  static int editDistance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Checks one record given as column name → value (text, {@link Number}, {@link Boolean}, {@link
   * java.time.LocalDate}, or null / blank for no value): its columns, then every value the model
   * reads. The result holds the values to score with and every problem found; for one row of a
   * larger input, locate the problems with {@link InputProblem#at}.
   */
  public CheckedRecord check(Map<String, ?> record) {
    List<InputProblem> problems = new ArrayList<>(columnProblems(record.keySet()));
    Map<String, Object> values = new LinkedHashMap<>();
    for (SchemaField f : state.fields()) {
      if (!record.containsKey(f.name())) {
        continue;
      }
      SchemaField.Checked c = f.check(record.get(f.name()));
      c.problem().ifPresent(problems::add);
      if (c.problem().isEmpty()) {
        values.put(f.name(), c.value().orElse(null));
      }
    }
    return new CheckedRecord(values, problems);
  }

  /**
   * The values of {@code record} to score with (a blank value as null, which the pipeline imputes),
   * or an {@link InvalidInputException} naming every problem.
   */
  public Map<String, Object> validate(Map<String, ?> record) {
    CheckedRecord c = check(record);
    if (!c.problems().isEmpty()) {
      throw new InvalidInputException("", c.problems());
    }
    return c.values();
  }

  /**
   * Checks every row of {@code table}: its columns (columns whose role is not {@link
   * ColumnRole#FEATURE}, such as ids and targets, are never unknown), then every value the model
   * reads, read as the model's pipeline reads it. Row problems carry no location; the caller
   * locates them (a line, an id).
   */
  public TableCheck check(Table table) {
    Set<String> featureColumns = new LinkedHashSet<>();
    for (String n : table.columnNames()) {
      if (table.role(n) == ColumnRole.FEATURE || byName.containsKey(n)) {
        featureColumns.add(n);
      }
    }
    List<InputProblem> columns = columnProblems(featureColumns);
    Map<Integer, List<InputProblem>> rows = new java.util.TreeMap<>();
    long count = 0;
    for (SchemaField f : state.fields()) {
      if (!table.has(f.name())) {
        continue;
      }
      Column c = table.column(f.name());
      boolean sameType = c.type() == columnType(f.type());
      for (int i = 0; i < table.rows(); i++) {
        Object cell = sameType ? c.value(i).orElse(null) : c.text(i);
        SchemaField.Checked checked = f.check(cell);
        if (checked.problem().isPresent()) {
          rows.computeIfAbsent(i, k -> new ArrayList<>(2)).add(checked.problem().get());
          count++;
        }
      }
    }
    return new TableCheck(table.rows(), columns, rows, count);
  }

  /** The table column type the model's pipeline reads field type {@code t} as. */
  static ColumnType columnType(InputType t) {
    return switch (t) {
      case NUMBER -> ColumnType.NUMERIC;
      case CATEGORY -> ColumnType.CATEGORICAL;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case DATE -> ColumnType.DATE;
    };
  }

  // ---- persistence ----------------------------------------------------------------------------

  /** The schema as JSON; {@link #fromJson} reads it back to an equal schema. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write input schema JSON", e);
    }
  }

  /** Reads a schema written by {@link #toJson()}; refuses other format versions with a clear message. */
  public static InputSchema fromJson(String json) {
    State s;
    try {
      s = JSON.readValue(json, State.class);
    } catch (JsonProcessingException e) {
      throw new BankmlException("not a bankml input schema JSON: " + e.getOriginalMessage(), e);
    }
    if (s == null || s.fields() == null) {
      throw new BankmlException("not a bankml input schema JSON: it has no fields");
    }
    if (s.formatVersion() != FORMAT_VERSION) {
      throw new BankmlException("input schema format version " + s.formatVersion()
          + " is not supported; this bankml reads version " + FORMAT_VERSION);
    }
    return new InputSchema(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSchema s && s.state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "InputSchema[" + state.fields().size() + " fields, " + others.size() + " other columns]";
  }
}
