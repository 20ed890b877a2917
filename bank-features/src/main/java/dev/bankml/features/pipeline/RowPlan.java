package dev.bankml.features.pipeline;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fitted pipeline compiled for one record at a time. Every column the steps create gets a slot
 * (a number in {@code num[]} or a level in {@code cat[]}); each step becomes a few operations that
 * read the slots its columns had before the step and write fresh slots, exactly as the table path
 * reads the old table and adds new columns. So a live record costs one parse of its fields and a
 * flat loop of arithmetic, with no per-row tables, columns or boxing, and the arithmetic is the
 * same expressions in the same order as the batch path: the bits agree.
 *
 * <p>Pipelines whose steps read a column in a way the table path converts through text (a number
 * read as a category, or the reverse) are not compiled; {@link #compile} returns empty and the
 * caller uses the table path.
 */
final class RowPlan {
  /** One compiled operation on a record's slots. */
  @FunctionalInterface
  interface Op {
    void run(double[] num, String[] cat);
  }

  private enum Kind {
    NUM,
    CAT,
    ABSENT
  }

  /** Distinct category texts remembered per input. */
  static final int TEXT_CACHE = 4096;
  /** Marks a cached text that reads as missing (compared by identity). */
  private static final String MISSING_TEXT = new String("(missing)");

  private final String[] inputNames;
  private final ColumnType[] inputKinds;
  private final int[] inputSlots;
  private final Map<String, String>[] textCache;
  private final Op[] ops;
  private final int slots;
  private final int[] featureSlots;
  private final List<String> features;
  private final List<String> sources;

  private RowPlan(Compiler c, Map<String, ColumnType> inputTypes, int[] inputSlots, int[] featureSlots,
      List<String> features, List<String> sources) {
    this.inputNames = inputTypes.keySet().toArray(String[]::new);
    this.inputKinds = inputTypes.values().toArray(ColumnType[]::new);
    this.inputSlots = inputSlots;
    @SuppressWarnings("unchecked")
    Map<String, String>[] caches = new Map[inputNames.length];
    for (int k = 0; k < caches.length; k++) {
      caches[k] = new ConcurrentHashMap<>();
    }
    this.textCache = caches;
    this.ops = c.ops.toArray(Op[]::new);
    this.slots = c.kinds.size();
    this.featureSlots = featureSlots;
    this.features = features;
    this.sources = sources;
  }

  /** The plan for {@code state}, or empty when a step needs the table path's text conversions. */
  static Optional<RowPlan> compile(FittedPipeline.State state, Map<String, ColumnType> inputTypes) {
    Compiler c = new Compiler();
    int[] inputSlots = new int[inputTypes.size()];
    int k = 0;
    for (Map.Entry<String, ColumnType> e : inputTypes.entrySet()) {
      int s = c.fresh(e.getValue() == ColumnType.CATEGORICAL ? Kind.CAT : Kind.NUM);
      c.slotOf.put(e.getKey(), s);
      inputSlots[k++] = s;
    }
    for (FittedStep step : state.steps()) {
      c.add(step);
      if (c.needsTextConversion) {
        return Optional.empty();
      }
    }
    int[] featureSlots = new int[state.features().size()];
    for (int j = 0; j < featureSlots.length; j++) {
      Integer s = c.slotOf.get(state.features().get(j));
      if (s != null && c.kinds.get(s) == Kind.CAT) {
        return Optional.empty();
      }
      featureSlots[j] = s == null ? -1 : s;
    }
    return Optional.of(new RowPlan(c, inputTypes, inputSlots, featureSlots, state.features(), state.sources()));
  }

  /** The features of one record; parse errors and missing features as {@link FittedPipeline#transformRow}. */
  double[] apply(Map<String, ?> record) {
    double[] num = new double[slots];
    java.util.Arrays.fill(num, Double.NaN);
    String[] cat = new String[slots];
    read(record, num, cat);
    for (Op op : ops) {
      op.run(num, cat);
    }
    double[] out = new double[featureSlots.length];
    for (int j = 0; j < out.length; j++) {
      int s = featureSlots[j];
      double v = s < 0 ? Double.NaN : num[s];
      if (Double.isNaN(v)) {
        throw new MissingFeatureException(sources.get(j), features.get(j), -1);
      }
      out[j] = v;
    }
    return out;
  }

  /**
   * Parses the record's inputs into their slots with the rules of {@link Table#fromRecords}. Values
   * whose reading is plain (null, a {@link Number} or {@link Boolean} for a number, a Boolean for a
   * boolean, a {@link LocalDate} for a date) are read here; anything else goes through a one-cell
   * table, so text is parsed by exactly the same code as in a batch. Category text is remembered
   * per input (up to {@value #TEXT_CACHE} distinct texts), so a known level costs one lookup.
   */
  private void read(Map<String, ?> record, double[] num, String[] cat) {
    for (int k = 0; k < inputSlots.length; k++) {
      Object raw = record.get(inputNames[k]);
      int s = inputSlots[k];
      switch (inputKinds[k]) {
        case NUMERIC -> num[s] = raw == null ? Double.NaN
            : raw instanceof Number n ? finite(n.doubleValue())
            : raw instanceof Boolean b ? (b ? 1.0 : 0.0)
            : slowNumber(k, raw);
        case BOOLEAN -> num[s] = raw == null ? Double.NaN
            : raw instanceof Boolean b ? (b ? 1.0 : 0.0)
            : slowNumber(k, raw);
        case DATE -> num[s] = raw == null ? Double.NaN
            : raw instanceof LocalDate d ? (double) d.toEpochDay()
            : slowNumber(k, raw);
        case CATEGORICAL -> cat[s] = raw == null ? null : category(k, raw);
      }
    }
  }

  private String category(int k, Object raw) {
    if (!(raw instanceof String text)) {
      return slowCategory(k, raw);
    }
    Map<String, String> known = textCache[k];
    String level = known.get(text);
    if (level == null) {
      String parsed = slowCategory(k, text);
      level = parsed == null ? MISSING_TEXT : parsed;
      if (known.size() < TEXT_CACHE) {
        known.put(text, level);
      }
    }
    return level == MISSING_TEXT ? null : level;
  }

  /** Input {@code k} read from a one-cell table, as a number (booleans 1/0, dates as epoch day). */
  private double slowNumber(int k, Object raw) {
    Column c = oneCell(k, raw);
    if (c instanceof NumericColumn n) {
      return n.get(0);
    }
    if (c instanceof BooleanColumn b) {
      return b.asDouble(0);
    }
    DateColumn d = (DateColumn) c;
    return d.isMissing(0) ? Double.NaN : d.epochDay(0);
  }

  /** Input {@code k} read from a one-cell table as a level, null when missing. */
  private String slowCategory(int k, Object raw) {
    CategoricalColumn c = (CategoricalColumn) oneCell(k, raw);
    int code = c.code(0);
    return code < 0 ? null : c.levels().get(code);
  }

  private Column oneCell(int k, Object raw) {
    String name = inputNames[k];
    return Table.fromRecords(List.of(Collections.singletonMap(name, raw)), Map.of(name, inputKinds[k])).column(name);
  }

  /** As {@code NumericColumn.wrap}: infinities are missing. */
  static double finite(double v) {
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /** Turns fitted steps into operations, tracking which slot holds each column. */
  private static final class Compiler {
    final Map<String, Integer> slotOf = new HashMap<>();
    final List<Kind> kinds = new ArrayList<>();
    final List<Op> ops = new ArrayList<>();
    /** Columns a step adds, applied after the step as {@code Table.with} does (replace or append). */
    private final Map<String, Integer> added = new LinkedHashMap<>();
    private final List<String> dropped = new ArrayList<>();
    /**
     * Set when a step reads a category as a number or a number as a category: the table path
     * converts those through text, so the plan is not used.
     */
    boolean needsTextConversion;

    int fresh(Kind kind) {
      kinds.add(kind);
      return kinds.size() - 1;
    }

    /** The slot holding column {@code name} before the current step; an absent column reads as missing. */
    private int slot(String name) {
      Integer s = slotOf.get(name);
      if (s == null) {
        s = fresh(Kind.ABSENT);
      }
      return s;
    }

    /** The slot to read {@code name} as a number from. */
    private int number(String name) {
      int s = slot(name);
      needsTextConversion |= kinds.get(s) == Kind.CAT;
      return s;
    }

    /** The slots to read {@code names} as numbers from, in order. */
    private int[] numbers(List<String> names) {
      return names.stream().mapToInt(this::number).toArray();
    }

    /** The slot to read {@code name} as a category from. */
    private int category(String name) {
      int s = slot(name);
      needsTextConversion |= kinds.get(s) == Kind.NUM;
      return s;
    }

    private int output(String name, Kind kind) {
      int s = fresh(kind);
      added.put(name, s);
      return s;
    }

    /** Compiles {@code step}; check {@link #needsTextConversion} after. */
    void add(FittedStep step) {
      added.clear();
      dropped.clear();
      if (step instanceof ImputationFit f) {
        impute(f);
      } else if (step instanceof OneHotFit f) {
        oneHot(f);
      } else if (step instanceof OrdinalFit f) {
        ordinal(f);
      } else if (step instanceof ScalerFit f) {
        scale(f);
      } else if (step instanceof ClipFit f) {
        clip(f);
      } else if (step instanceof Log1p f) {
        log1p(f);
      } else if (step instanceof Derived f) {
        derive(f);
      } else if (step instanceof WoeFit f) {
        woe(f);
      } else if (step instanceof PcaFit f) {
        pca(f);
      } else {
        dropped.addAll(((SelectionFit) step).dropped());
      }
      dropped.forEach(slotOf::remove);
      slotOf.putAll(added);
    }

    private void impute(ImputationFit f) {
      for (String name : f.indicators()) {
        int in = slot(name);
        int out = output(ImputationFit.indicatorName(name), Kind.NUM);
        switch (kinds.get(in)) {
          case NUM -> ops.add((num, cat) -> num[out] = Double.isNaN(num[in]) ? 1.0 : 0.0);
          case CAT -> ops.add((num, cat) -> num[out] = cat[in] == null ? 1.0 : 0.0);
          case ABSENT -> ops.add((num, cat) -> num[out] = 1.0);
        }
      }
      for (Map.Entry<String, Double> e : f.numeric().entrySet()) {
        int in = number(e.getKey());
        double fill = e.getValue();
        int out = output(e.getKey(), Kind.NUM);
        ops.add((num, cat) -> {
          double v = num[in];
          num[out] = finite(Double.isNaN(v) ? fill : v);
        });
      }
      for (Map.Entry<String, String> e : f.categorical().entrySet()) {
        int in = category(e.getKey());
        String fill = e.getValue();
        int out = output(e.getKey(), Kind.CAT);
        ops.add((num, cat) -> cat[out] = cat[in] == null ? fill : cat[in]);
      }
    }

    /** Each encoded column is replaced by its indicators: one per kept level, plus (other) unless dummy coded. */
    private void oneHot(OneHotFit f) {
      for (Map.Entry<String, List<String>> e : f.levels().entrySet()) {
        String name = e.getKey();
        int in = category(name);
        dropped.add(name);
        if (f.coding() == OneHot.Coding.DUMMY) {
          dummies(name, e.getValue(), in);
        } else {
          indicators(name, e.getValue(), in);
        }
      }
    }

    private void indicators(String name, List<String> kept, int in) {
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < kept.size(); k++) {
        index.putIfAbsent(kept.get(k), k);
      }
      int first = -1;
      for (int k = 0; k <= kept.size(); k++) {
        String level = k < kept.size() ? kept.get(k) : OneHotFit.OTHER;
        int s = output(OneHotFit.featureName(name, level), Kind.NUM);
        first = k == 0 ? s : first;
      }
      int base = first;
      int other = kept.size();
      ops.add((num, cat) -> {
        java.util.Arrays.fill(num, base, base + other + 1, 0.0);
        String level = cat[in];
        if (level != null) {
          num[base + index.getOrDefault(level, other)] = 1.0;
        }
      });
    }

    private void dummies(String name, List<String> kept, int in) {
      int[] out = new int[kept.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = output(OneHotFit.featureName(name, kept.get(k)), Kind.NUM);
      }
      ops.add((num, cat) -> {
        String level = cat[in];
        for (int k = 0; k < out.length; k++) {
          num[out[k]] = level == null ? Double.NaN : level.equals(kept.get(k)) ? 1.0 : 0.0;
        }
      });
    }

    private void pca(PcaFit f) {
      int[] in = numbers(f.inputs());
      dropped.addAll(f.inputs());
      int[] out = new int[f.outputs().size()];
      for (int c = 0; c < out.length; c++) {
        out[c] = output(f.outputs().get(c), Kind.NUM);
      }
      ops.add((num, cat) -> {
        double[] row = new double[in.length];
        for (int j = 0; j < in.length; j++) {
          row[j] = num[in[j]];
        }
        double[] p = f.project(row);
        for (int c = 0; c < out.length; c++) {
          num[out[c]] = finite(p[c]);
        }
      });
    }

    private void ordinal(OrdinalFit f) {
      for (Map.Entry<String, List<String>> e : f.order().entrySet()) {
        int in = category(e.getKey());
        Map<String, Double> position = new HashMap<>();
        List<String> order = e.getValue();
        for (int k = 0; k < order.size(); k++) {
          position.putIfAbsent(order.get(k), (double) k);
        }
        int out = output(e.getKey(), Kind.NUM);
        ops.add((num, cat) -> {
          String level = cat[in];
          num[out] = level == null ? Double.NaN : position.getOrDefault(level, Double.NaN);
        });
      }
    }

    private void scale(ScalerFit f) {
      perColumn(f.center(), f.scale(), (v, center, scale) -> (v - center) / scale);
    }

    private void clip(ClipFit f) {
      perColumn(f.lower(), f.upper(), (v, lo, hi) -> v < lo ? lo : v > hi ? hi : v);
    }

    /** How a column's value changes given the two numbers learned for it. */
    @FunctionalInterface
    private interface ColumnRule {
      double apply(double v, double a, double b);
    }

    /** One operation per column of {@code first}: the column becomes rule(value, first[column], second[column]). */
    private void perColumn(Map<String, Double> first, Map<String, Double> second, ColumnRule rule) {
      for (Map.Entry<String, Double> e : first.entrySet()) {
        int in = number(e.getKey());
        double a = e.getValue();
        double b = second.get(e.getKey());
        int out = output(e.getKey(), Kind.NUM);
        ops.add((num, cat) -> num[out] = finite(rule.apply(num[in], a, b)));
      }
    }

    private void log1p(Log1p f) {
      for (String name : f.names()) {
        int in = number(name);
        int out = output(name, Kind.NUM);
        ops.add((num, cat) -> {
          double v = num[in];
          num[out] = finite(Math.copySign(Math.log1p(Math.abs(v)), v));
        });
      }
    }

    private void derive(Derived f) {
      int[] in = numbers(f.inputs());
      int out = output(f.name(), Kind.NUM);
      if (in.length == 2) {
        ops.add((num, cat) -> num[out] = finite(f.value(num[in[0]], num[in[1]], Double.NaN, Double.NaN)));
      } else {
        ops.add((num, cat) -> num[out] = finite(f.value(num[in[0]], num[in[1]], num[in[2]], num[in[3]])));
      }
    }

    private void woe(WoeFit f) {
      for (Map.Entry<String, dev.bankml.features.woe.WoeTable> e : f.tables().entrySet()) {
        String name = e.getKey();
        dev.bankml.features.woe.WoeTable w = e.getValue();
        dropped.add(name);
        int in = w.numeric() ? number(name) : category(name);
        int out = output(WoeFit.featureName(name), Kind.NUM);
        if (w.numeric()) {
          ops.add((num, cat) -> num[out] = finite(w.woe(num[in])));
        } else {
          double missing = w.woe(Optional.empty());
          ops.add((num, cat) -> {
            String level = cat[in];
            num[out] = finite(level == null ? missing : w.woe(Optional.of(level)));
          });
        }
      }
    }
  }
}
