package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.ClipFit;
import dev.bankml.features.pipeline.Clip;
import dev.bankml.features.pipeline.Columns;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.pipeline.FittedStep;
import dev.bankml.features.pipeline.ImputationFit;
import dev.bankml.features.pipeline.Impute;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.pipeline.InputType;
import dev.bankml.features.pipeline.Log1p;
import dev.bankml.features.pipeline.OneHot;
import dev.bankml.features.pipeline.OneHotFit;
import dev.bankml.features.pipeline.Pca;
import dev.bankml.features.pipeline.PcaFit;
import dev.bankml.features.pipeline.Scale;
import dev.bankml.features.pipeline.ScalerFit;
import dev.bankml.features.pipeline.Select;
import dev.bankml.features.pipeline.SelectionFit;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The feature pipeline of a segmentation, fitted in three stages that compose into one {@link
 * FittedPipeline}:
 *
 * <ol>
 *   <li><b>encode</b>: categories become dummy indicators of their common levels ({@link
 *       OneHot#dummies}, levels under {@value #MIN_LEVEL_SHARE} of rows get none), then columns more
 *       than {@value #MAX_MISSING} missing or constant are left out ({@link Select#emptyOrConstant});
 *   <li><b>scale</b>: skewed columns are log-compressed ({@link Log1p#whereSkewed}, |skewness| above
 *       {@value #SKEW_LIMIT}), missing values take the median, every column is standardised ({@link
 *       Scale#standardSample}) and clipped to ±{@value #CLIP} so a few extreme customers cannot own
 *       a segment;
 *   <li><b>project</b> (optional): principal components explaining a share of the variance ({@link Pca}).
 * </ol>
 *
 * The encoded columns (original scale) feed the segment profiles; the scaled ones, before any
 * projection, the scatter plot's two principal components.
 */
final class SegmentationPipeline {
  /** Columns with more missing values than this share are left out. */
  static final double MAX_MISSING = 0.95;
  /** Levels rarer than this share of rows get no indicator of their own. */
  static final double MIN_LEVEL_SHARE = 0.01;
  /** Skewness above which (in absolute value) a column is log-compressed. */
  static final double SKEW_LIMIT = 1.0;
  /** Standardised values are clipped to this many standard deviations. */
  static final double CLIP = 5.0;

  private SegmentationPipeline() {}

  /**
   * What fitting gives: the whole pipeline (what the clustering sees), the encoded training columns
   * on their original scale, the columns left out by screening, the scaled training matrix before
   * any projection, and the scatter plot's projection of it.
   */
  record Fitted(FittedPipeline pipeline, Table encoded, List<DroppedColumn> screened, FeatureMatrix scaled,
      FeatureMatrix clustered, PcaFit plot) {}

  /**
   * Fits the pipeline on {@code features} (the columns {@link InputColumns} selected), projecting
   * onto the components that explain {@code pcaShare} of the variance when given.
   *
   * @throws BankmlException when every column is left out, or a column's values are too large to scale
   */
  static Fitted fit(Table features, OptionalDouble pcaShare, List<DroppedColumn> alreadyDropped) {
    FittedPipeline encode = FeaturePipeline.builder()
        .add(OneHot.dummies(Columns.categorical(), MIN_LEVEL_SHARE))
        .add(Select.emptyOrConstant(MAX_MISSING))
        .build().fit(features);
    List<DroppedColumn> screened = new ArrayList<>();
    for (FittedStep s : encode.steps()) {
      if (s instanceof SelectionFit f) {
        f.reasons().forEach((name, why) -> screened.add(new DroppedColumn(name, why)));
      }
    }
    if (encode.featureNames().isEmpty()) {
      List<DroppedColumn> all = new ArrayList<>(alreadyDropped);
      all.addAll(screened);
      throw new BankmlException("segmentation found no usable column: " + describe(all)
          + "; give it numeric, boolean or categorical behaviour columns");
    }
    Table encoded = encode.transformToTable(features);
    FittedPipeline scale = FeaturePipeline.builder()
        .add(Log1p.whereSkewed(Columns.allNumbers(), SKEW_LIMIT))
        .add(Impute.median(Columns.allNumbers()))
        .add(Scale.standardSample(Columns.allNumbers()))
        .add(Clip.fixed(Columns.allNumbers(), -CLIP, CLIP))
        .build().fit(encoded);
    Table scaledTable = scale.transformToTable(encoded);
    FeatureMatrix scaled = scale.transform(encoded);
    FittedPipeline pipeline = encode.then(scale);
    FeatureMatrix clustered = scaled;
    if (pcaShare.isPresent()) {
      FittedPipeline project = FeaturePipeline.builder()
          .add(Pca.variance(Columns.allNumbers(), pcaShare.getAsDouble())).build().fit(scaledTable);
      pipeline = pipeline.then(project);
      clustered = project.transform(scaledTable);
    }
    PcaFit plot = (PcaFit) FeaturePipeline.builder().add(Pca.components(Columns.allNumbers(), 2)).build()
        .fit(scaledTable).steps().get(0);
    return new Fitted(pipeline, encoded, screened, scaled, clustered, plot);
  }

  private static String describe(List<DroppedColumn> dropped) {
    if (dropped.isEmpty()) {
      return "the input has no columns";
    }
    List<String> parts = new ArrayList<>();
    for (DroppedColumn d : dropped) {
      parts.add("'" + d.name() + "' (" + d.reason() + ")");
    }
    return "every column was left out: " + String.join(", ", parts);
  }

  /** The values of column {@code c} as numbers: booleans 1/0, missing NaN. */
  static double[] numbers(Column c) {
    if (c instanceof NumericColumn n) {
      return n.toArray();
    }
    double[] v = new double[c.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((BooleanColumn) c).asDouble(i);
    }
    return v;
  }

  /** The scaled columns the clustering (or the projection) reads, in order. */
  static List<String> scaledFeatures(FittedPipeline p) {
    List<FittedStep> steps = p.steps();
    return steps.get(steps.size() - 1) instanceof PcaFit pca ? pca.inputs() : p.featureNames();
  }

  /** The projection the clustering reads, when there is one. */
  static Optional<PcaFit> projection(FittedPipeline p) {
    List<FittedStep> steps = p.steps();
    return steps.get(steps.size() - 1) instanceof PcaFit pca ? Optional.of(pca) : Optional.empty();
  }

  // ---- the pipeline as separate parts: what a segmentation file stores ----

  /**
   * One scaled feature of a segmentation file: the input column and level it encodes (no level for
   * a number), whether it is log-compressed, and its median, centre, scale and clip.
   */
  record Part(String name, String source, Optional<String> level, boolean logTransform, double impute, double center,
      double scale, double clip) {}

  /** The parts of a pipeline fitted by {@link #fit}, one per scaled feature, and its projection. */
  static List<Part> parts(FittedPipeline p) {
    List<String> logged = List.of();
    Map<String, Double> impute = Map.of();
    ScalerFit scaler = null;
    ClipFit clip = null;
    Map<String, String> levelOf = new LinkedHashMap<>();
    for (FittedStep s : p.steps()) {
      if (s instanceof OneHotFit f) {
        f.levels().forEach((column, levels) -> levels.forEach(l -> levelOf.put(column + "=" + l, l)));
      } else if (s instanceof Log1p f) {
        logged = f.names();
      } else if (s instanceof ImputationFit f) {
        impute = f.numeric();
      } else if (s instanceof ScalerFit f) {
        scaler = f;
      } else if (s instanceof ClipFit f) {
        clip = f;
      }
    }
    if (scaler == null || clip == null) {
      throw new IllegalStateException("not a segmentation pipeline: " + p.steps());
    }
    List<String> names = scaledFeatures(p);
    List<Part> out = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      String name = names.get(j);
      Optional<String> level = Optional.ofNullable(levelOf.get(name));
      String source = level.map(l -> name.substring(0, name.length() - l.length() - 1)).orElse(name);
      out.add(new Part(name, source, level, logged.contains(name), impute.get(name), scaler.center().get(name),
          scaler.scale().get(name), clip.upper().get(name)));
    }
    return out;
  }

  /**
   * The pipeline that {@code parts} and {@code projection} describe: what {@link #fit} would have
   * fitted, applied to new rows with the same arithmetic.
   */
  static FittedPipeline fromParts(List<Part> parts, Optional<PcaFit> projection) {
    Map<String, List<String>> levels = new LinkedHashMap<>();
    Map<String, InputType> inputTypes = new LinkedHashMap<>();
    List<String> logged = new ArrayList<>();
    Map<String, Double> impute = new LinkedHashMap<>();
    Map<String, Double> center = new LinkedHashMap<>();
    Map<String, Double> scale = new LinkedHashMap<>();
    Map<String, Double> lower = new LinkedHashMap<>();
    Map<String, Double> upper = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (Part p : parts) {
      if (p.level().isPresent()) {
        levels.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p.level().get());
        inputTypes.putIfAbsent(p.source(), InputType.CATEGORY);
      } else {
        inputTypes.putIfAbsent(p.source(), InputType.NUMBER);
      }
      if (p.logTransform()) {
        logged.add(p.name());
      }
      impute.put(p.name(), p.impute());
      center.put(p.name(), p.center());
      scale.put(p.name(), p.scale());
      lower.put(p.name(), -p.clip());
      upper.put(p.name(), p.clip());
      names.add(p.name());
      sources.add(p.source());
    }
    List<FittedStep> steps = new ArrayList<>();
    if (!levels.isEmpty()) {
      steps.add(new OneHotFit(levels, OneHot.Coding.DUMMY));
    }
    steps.add(new Log1p(Columns.named(logged.toArray(String[]::new)), logged));
    steps.add(new ImputationFit(impute, Map.of(), List.of(), List.of()));
    steps.add(new ScalerFit(Scale.Kind.STANDARD_SAMPLE, center, scale));
    steps.add(new ClipFit(lower, upper));
    List<InputField> inputs = new ArrayList<>();
    inputTypes.forEach((column, type) -> inputs.add(new InputField(column, type, Double.NaN, Double.NaN, Double.NaN,
        levels.getOrDefault(column, List.of()), "", 0)));
    if (projection.isPresent()) {
      steps.add(projection.get());
      List<String> pcs = projection.get().outputs();
      return FittedPipeline.of(inputs, steps, pcs, pcs);
    }
    return FittedPipeline.of(inputs, steps, names, sources);
  }
}
