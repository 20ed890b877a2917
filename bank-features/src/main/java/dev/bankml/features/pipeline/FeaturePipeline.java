package dev.bankml.features.pipeline;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature pipeline specification: an ordered list of {@link Step}s. {@link #fit} learns every
 * step from training rows only and returns an immutable {@link FittedPipeline} that turns tables
 * and single live records into the same numbers. Only {@link ColumnRole#FEATURE} columns are
 * inputs: ids, the target, protected and ignored columns never become features.
 *
 * <pre>{@code
 * FittedPipeline f = FeaturePipeline.defaults().fit(train);
 * FeatureMatrix x = f.transform(test);
 * double[] one = f.transformRow(Map.of("income", 52000, "purpose", "car"));
 * }</pre>
 */
public final class FeaturePipeline {
  private static final Logger LOG = LoggerFactory.getLogger(FeaturePipeline.class);

  private final List<Step> steps;
  private final Optional<String> target;
  private final Set<String> excluded;

  private FeaturePipeline(Builder b) {
    this.steps = List.copyOf(b.steps);
    this.target = b.target;
    this.excluded = Set.copyOf(b.excluded);
  }

  /**
   * A good default for mixed tables: median imputation plus a missing indicator for numerics,
   * most-frequent for booleans, a "missing" level and one-hot encoding (levels under 1% of rows go
   * to "(other)") for categoricals, standard scaling of numerics. Date columns are not features
   * (derive numbers from them with {@link Derived#ageAt}).
   */
  public static FeaturePipeline defaults() {
    return builder().addAll(defaultSteps()).build();
  }

  /** The steps of {@link #defaults()}, to prepend derived columns or append selection. */
  public static List<Step> defaultSteps() {
    return List.of(
        Impute.median(Columns.numeric()).withIndicator(),
        Impute.mostFrequent(Columns.bool()),
        Impute.constant(Columns.categorical(), "missing"),
        OneHot.of(Columns.categorical()).minFrequency(0.01),
        Scale.standard(Columns.numeric()));
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The steps, in order. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Fits every step, in order, on {@code train}'s feature columns. The target is the builder's
   * {@code target} or the table's single {@link ColumnRole#TARGET} column, if any.
   */
  public FittedPipeline fit(Table train) {
    Optional<String> targetName = target.or(() -> single(train.namesWithRole(ColumnRole.TARGET)));
    Optional<double[]> y = targetName.map(t -> targetValues(train, t));
    List<String> features = new ArrayList<>();
    for (String n : train.namesWithRole(ColumnRole.FEATURE)) {
      if (!excluded.contains(n) && !targetName.map(n::equals).orElse(false)) {
        features.add(n);
      }
    }
    Table work = train.select(features);
    Set<String> generated = new HashSet<>();
    Map<String, String> sourceOf = new HashMap<>();
    features.forEach(f -> sourceOf.put(f, f));
    Set<String> used = new LinkedHashSet<>();
    List<FittedStep> fitted = new ArrayList<>();
    for (Step s : steps) {
      FittedStep f = s.fit(new FitContext(work, y, generated));
      work = f.transform(work);
      fitted.add(f);
      for (String in : f.inputs()) {
        String src = sourceOf.get(in);
        if (src != null && features.contains(src)) {
          used.add(src);
        }
      }
      f.created().forEach((out, in) -> sourceOf.put(out, out.equals(in) ? out : sourceOf.getOrDefault(in, in)));
      generated.addAll(f.encodings());
    }
    List<String> names = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Column c : work.columns()) {
      switch (c.type()) {
        case NUMERIC, BOOLEAN -> {
          names.add(c.name());
          sources.add(sourceOf.getOrDefault(c.name(), c.name()));
        }
        case DATE -> LOG.debug("date column '{}' is not a feature; derive a number from it", c.name());
        case CATEGORICAL -> throw new BankmlException(
            "column '" + c.name() + "' is categorical but no step encodes it; add OneHot, Ordinal or Woe for it,"
                + " or give it the role IGNORED");
      }
    }
    sources.stream().filter(features::contains).forEach(used::add);
    List<InputField> schema = new ArrayList<>();
    for (String f : features) {
      if (used.contains(f)) {
        schema.add(inputField(train.column(f)));
      }
    }
    LOG.debug("fitted pipeline: {} inputs -> {} features", schema.size(), names.size());
    return new FittedPipeline(new FittedPipeline.State(
        FittedPipeline.FORMAT_VERSION, targetName.orElse(""), schema, fitted, names, sources));
  }

  private static Optional<String> single(List<String> names) {
    if (names.size() > 1) {
      throw new BankmlException("the table has several TARGET columns " + names + "; name one with Builder.target(name)");
    }
    return names.stream().findFirst();
  }

  /** The 0/1 values of target column {@code name} ({@link BinaryTarget}'s rule). */
  static double[] targetValues(Table t, String name) {
    return Arrays.stream(BinaryTarget.of(name).labels(t)).asDoubleStream().toArray();
  }

  static InputField inputField(Column c) {
    int n = c.size();
    double missingShare = n == 0 ? 0 : (double) c.missingCount() / n;
    switch (c.type()) {
      case NUMERIC -> {
        double[] s = ((NumericColumn) c).sortedPresent();
        if (s.length == 0) {
          return new InputField(c.name(), InputType.NUMBER, Double.NaN, Double.NaN, 0.01, List.of(), "", missingShare);
        }
        boolean whole = Arrays.stream(s).allMatch(v -> v == Math.rint(v));
        double med = Work.quantile(s, 0.5);
        String typical = whole ? Long.toString(Math.round(med)) : Double.toString(med);
        return new InputField(c.name(), InputType.NUMBER, s[0], s[s.length - 1], whole ? 1 : 0.01, List.of(), typical, missingShare);
      }
      case CATEGORICAL -> {
        CategoricalColumn cc = (CategoricalColumn) c;
        int[] counts = cc.counts();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            order.add(i);
          }
        }
        order.sort((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : cc.levels().get(a).compareTo(cc.levels().get(b)));
        List<String> levels = order.stream().map(cc.levels()::get).toList();
        return new InputField(c.name(), InputType.CATEGORY, Double.NaN, Double.NaN, Double.NaN, levels,
            levels.isEmpty() ? "" : levels.get(0), missingShare);
      }
      case BOOLEAN -> {
        BooleanColumn b = (BooleanColumn) c;
        int t = 0;
        int f = 0;
        for (int i = 0; i < n; i++) {
          if (b.state(i) == 1) {
            t++;
          } else if (b.state(i) == 0) {
            f++;
          }
        }
        return new InputField(c.name(), InputType.BOOLEAN, Double.NaN, Double.NaN, Double.NaN, List.of(),
            t + f == 0 ? "" : Boolean.toString(t > f), missingShare);
      }
      default -> {
        DateColumn d = (DateColumn) c;
        long[] days = new long[n - d.missingCount()];
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (!d.isMissing(i)) {
            days[k++] = d.epochDay(i);
          }
        }
        Arrays.sort(days);
        if (days.length == 0) {
          return new InputField(c.name(), InputType.DATE, Double.NaN, Double.NaN, 1, List.of(), "", missingShare);
        }
        return new InputField(c.name(), InputType.DATE, days[0], days[days.length - 1], 1, List.of(),
            LocalDate.ofEpochDay(days[days.length / 2]).toString(), missingShare);
      }
    }
  }

  /** Collects steps and settings. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private Optional<String> target = Optional.empty();
    private final Set<String> excluded = new LinkedHashSet<>();

    private Builder() {}

    /** Appends a step. */
    public Builder add(Step step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Appends steps. */
    public Builder addAll(List<? extends Step> more) {
      more.forEach(this::add);
      return this;
    }

    /** Names the 0/1 target column (otherwise the table's TARGET column is used); it is never a feature. */
    public Builder target(String column) {
      this.target = Optional.of(column);
      return this;
    }

    /** Columns that are never features, whatever their role in the table. */
    public Builder exclude(String... columns) {
      excluded.addAll(List.of(columns));
      return this;
    }

    /** The immutable specification. */
    public FeaturePipeline build() {
      return new FeaturePipeline(this);
    }
  }
}
