package dev.bankml.features.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted feature pipeline: immutable and safe to share between threads. The same code turns a
 * training or scoring table ({@link #transform}) and a single live record ({@link #transformRow})
 * into features, so both give bit-identical numbers. Input rules: extra columns are ignored; an
 * absent column or missing value is filled by its imputer, or else raises {@link
 * MissingFeatureException} naming the column; text in a numeric field raises an error naming field
 * and value; NaN and infinities count as missing; unseen categories go to "(other)".
 */
public final class FittedPipeline {
  /** The version of the JSON format written by {@link #toJson()}. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Everything a fitted pipeline is; what {@link #toJson()} writes. */
  record State(
      int formatVersion, String target, List<InputField> inputs, List<FittedStep> steps, List<String> features, List<String> sources) {
    State {
      inputs = List.copyOf(inputs);
      steps = List.copyOf(steps);
      features = List.copyOf(features);
      sources = List.copyOf(sources);
    }
  }

  private final State state;
  private final Map<String, ColumnType> inputTypes;
  /** The per-record form of the steps; empty when a step needs the table path (then transformRow uses it). */
  private final Optional<RowPlan> rowPlan;

  FittedPipeline(State state) {
    this.state = state;
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (InputField f : state.inputs()) {
      types.put(f.name(), switch (f.type()) {
        case NUMBER -> ColumnType.NUMERIC;
        case CATEGORY -> ColumnType.CATEGORICAL;
        case BOOLEAN -> ColumnType.BOOLEAN;
        case DATE -> ColumnType.DATE;
      });
    }
    this.inputTypes = Collections.unmodifiableMap(types);
    this.rowPlan = RowPlan.compile(state, inputTypes);
  }

  /**
   * A pipeline assembled from fitted steps, e.g. read from a file that stored them one by one:
   * {@code inputs} are the raw columns it reads, {@code features} the columns it outputs (in order)
   * and {@code sources} the input column each came from.
   */
  public static FittedPipeline of(List<InputField> inputs, List<FittedStep> steps, List<String> features,
      List<String> sources) {
    if (features.size() != sources.size()) {
      throw new IllegalArgumentException(features.size() + " features but " + sources.size() + " sources");
    }
    return new FittedPipeline(new State(FORMAT_VERSION, "", inputs, steps, features, sources));
  }

  /**
   * This pipeline followed by {@code next}, which was fitted on this one's output ({@link
   * #transformToTable}): one pipeline from this one's inputs to {@code next}'s features, whose
   * sources are traced back to this one's inputs.
   */
  public FittedPipeline then(FittedPipeline next) {
    List<FittedStep> steps = new ArrayList<>(state.steps());
    steps.addAll(next.state.steps());
    List<String> sources = new ArrayList<>();
    for (String s : next.state.sources()) {
      int j = state.features().indexOf(s);
      sources.add(j >= 0 ? state.sources().get(j) : s);
    }
    return new FittedPipeline(new State(FORMAT_VERSION, state.target(), state.inputs(), steps,
        next.state.features(), sources));
  }

  /** Features for every row of {@code table} (which may hold extra columns, in any order). */
  public FeatureMatrix transform(Table table) {
    return run(conform(table), -1);
  }

  /**
   * The features of every row of {@code table} as a table, one column per feature in order, with
   * missing values left missing (where {@link #transform} would refuse them): the input of a later
   * pipeline fitted on this one's output (see {@link #then}).
   */
  public Table transformToTable(Table table) {
    Table work = conform(table);
    for (FittedStep s : state.steps()) {
      work = s.transform(work);
    }
    return work.select(state.features());
  }

  /** Features of one live record, bit-identical to the same row in {@link #transform}. */
  public double[] transformRow(Map<String, ?> record) {
    if (rowPlan.isPresent()) {
      return rowPlan.get().apply(record);
    }
    return transformRowByTable(record);
  }

  /** The table path for one record: a one-row table through every step (the reference the row plan must match). */
  double[] transformRowByTable(Map<String, ?> record) {
    Table one = Table.fromRecords(List.of(record), inputTypes);
    return run(one, 0).row(0);
  }

  /** Whether single records go through the compiled row plan rather than one-row tables. */
  boolean hasRowPlan() {
    return rowPlan.isPresent();
  }

  /** Features of one typed record (e.g. a bank-data domain record), its components read in snake_case. */
  public double[] transformRow(Record record) {
    return transformRow(Table.recordToMap(record));
  }

  private FeatureMatrix run(Table t, int singleRow) {
    Table work = t;
    for (FittedStep s : state.steps()) {
      work = s.transform(work);
    }
    int rows = t.rows();
    int cols = state.features().size();
    double[] out = new double[rows * cols];
    for (int j = 0; j < cols; j++) {
      String f = state.features().get(j);
      double[] v = Work.numbers(work, f);
      for (int i = 0; i < rows; i++) {
        if (Double.isNaN(v[i])) {
          String source = state.sources().get(j);
          if (t.has(source) && !t.column(source).isMissing(i)) {
            // the input was there: the arithmetic overflowed, which is no missing value
            throw new BankmlException("column '" + source + "' has value " + BankmlException.clip(t.column(source).text(i))
                + (singleRow >= 0 ? "" : " in row " + i) + ", too large to compute feature '" + f
                + "' (the result is not a finite number); clip or rescale the column");
          }
          throw new MissingFeatureException(source, f, singleRow >= 0 ? -1 : i);
        }
        out[i * cols + j] = v[i];
      }
    }
    return FeatureMatrix.wrap(out, rows, state.features(), state.sources());
  }

  /** The input columns in the schema's types: absent ones all missing, mistyped ones re-read from their text. */
  private Table conform(Table t) {
    List<Column> cols = new ArrayList<>();
    for (Map.Entry<String, ColumnType> e : inputTypes.entrySet()) {
      String name = e.getKey();
      if (t.has(name) && t.column(name).type() == e.getValue()) {
        cols.add(t.column(name));
        continue;
      }
      List<Map<String, Object>> cells = new ArrayList<>(t.rows());
      if (t.has(name)) {
        Column c = t.column(name);
        for (int i = 0; i < t.rows(); i++) {
          cells.add(c.isMissing(i) ? Map.of() : Map.of(name, c.text(i)));
        }
      } else {
        cells.addAll(Collections.nCopies(t.rows(), Map.of()));
      }
      cols.add(Table.fromRecords(cells, Map.of(name, e.getValue())).column(name));
    }
    if (cols.isEmpty()) {
      throw new BankmlException("the pipeline reads no input columns; fit it on a table with FEATURE columns");
    }
    return Table.of(cols);
  }

  /** The raw inputs this pipeline reads, with what a form needs to ask for each. */
  public List<InputField> inputSchema() {
    return state.inputs();
  }

  /** The output feature names, in column order. */
  public List<String> featureNames() {
    return state.features();
  }

  /** For every output feature, the input column it came from (a derived column is its own source). */
  public List<String> sources() {
    return state.sources();
  }

  /** The fitted steps, in order: what was learned, readable. */
  public List<FittedStep> steps() {
    return state.steps();
  }

  /** The target column the pipeline was fitted with, if any. */
  public Optional<String> target() {
    return state.target().isEmpty() ? Optional.empty() : Optional.of(state.target());
  }

  /** The information value per column from the WoE steps, highest first (empty without WoE steps). */
  public Map<String, Double> informationValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (FittedStep s : state.steps()) {
      if (s instanceof WoeFit w) {
        m.putAll(w.informationValues());
      }
    }
    return m;
  }

  /** The pipeline as JSON; {@link #fromJson} reads it back to an equal pipeline. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write pipeline JSON", e);
    }
  }

  /** Reads a pipeline written by {@link #toJson()}; refuses unknown format versions with a clear message. */
  public static FittedPipeline fromJson(String json) {
    State s;
    try {
      s = JSON.readValue(json, State.class);
    } catch (JsonProcessingException e) {
      throw new BankmlException("not a bankml feature pipeline JSON: " + e.getOriginalMessage(), e);
    }
    if (s.formatVersion() != FORMAT_VERSION) {
      throw new BankmlException("feature pipeline format version " + s.formatVersion()
          + " is not supported; this bankml reads version " + FORMAT_VERSION);
    }
    return new FittedPipeline(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FittedPipeline p && p.state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "FittedPipeline[" + state.inputs().size() + " inputs -> " + state.features().size() + " features]";
  }
}
