package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Saveable;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.pipeline.PcaFit;
import dev.bankml.features.table.Table;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted customer segmentation: a {@link FittedPipeline} (how inputs are encoded, scaled and
 * projected) and a {@link Clustering}, with how k was chosen, quality and a named profile per
 * segment. Immutable and safe to share between threads; assigns new customers and saves to / loads
 * from a signed bundle.
 */
public final class FittedSegmentation implements Saveable {
  /** What was fitted, with what, on how many rows. */
  public record Provenance(
      String backend, String backendVersion, String algorithm, Hyperparameters hyperparameters, long seed,
      long trainingRows) {}

  private final Provenance provenance;
  private final String idColumn;
  private final List<DroppedColumn> dropped;
  private final FittedPipeline pipeline;
  private final PcaFit plot;
  private final ModelBackend backend;
  private final Clustering clustering;
  private final KSelection selection;
  private final SegmentationQuality quality;
  private final List<SegmentProfile> profiles;
  private final List<String> trainingIds;
  private final int[] trainingLabels;
  private final ScatterSample scatter;

  FittedSegmentation(
      Provenance provenance, String idColumn, List<DroppedColumn> dropped, FittedPipeline pipeline, PcaFit plot,
      ModelBackend backend, Clustering clustering, KSelection selection, SegmentationQuality quality,
      List<SegmentProfile> profiles, List<String> trainingIds, int[] trainingLabels, ScatterSample scatter) {
    this.provenance = provenance;
    this.idColumn = idColumn;
    this.dropped = List.copyOf(dropped);
    this.pipeline = pipeline;
    this.plot = plot;
    this.backend = backend;
    this.clustering = clustering;
    this.selection = selection;
    this.quality = quality;
    this.profiles = List.copyOf(profiles);
    this.trainingIds = List.copyOf(trainingIds);
    this.trainingLabels = trainingLabels;
    this.scatter = scatter;
  }

  /** Backend, algorithm, hyperparameters, seed and training size. */
  public Provenance provenance() {
    return provenance;
  }

  /** Number of segments (noise not counted). */
  public int k() {
    return clustering.k();
  }

  /** The id column of the training table (e.g. {@code customer_id}). */
  public String idColumn() {
    return idColumn;
  }

  /**
   * The scaled features the segments are found in, in order: numeric and boolean columns by name,
   * category levels as {@code column=level} (before any principal-component projection).
   */
  public List<String> features() {
    return SegmentationPipeline.scaledFeatures(pipeline);
  }

  /** The input columns left out, with the reason. */
  public List<DroppedColumn> dropped() {
    return dropped;
  }

  /**
   * The pipeline from a customer's raw columns to what the clustering reads: its steps say what was
   * learned (the indicator levels, which columns are log-compressed, medians, centres and scales,
   * the principal components).
   */
  public FittedPipeline pipeline() {
    return pipeline;
  }

  /** Number of principal components clustered on, or empty when clustering used the scaled inputs. */
  public Optional<Integer> pcaComponents() {
    return SegmentationPipeline.projection(pipeline).map(p -> p.outputs().size());
  }

  /** The evidence for k and the rule that chose it. */
  public KSelection kSelection() {
    return selection;
  }

  /** Silhouette, Davies–Bouldin, Calinski–Harabasz, inertia, noise count and stability. */
  public SegmentationQuality quality() {
    return quality;
  }

  /** One profile per segment (0 … k-1), then noise (segment -1) if there is any. */
  public List<SegmentProfile> profiles() {
    return profiles;
  }

  /** The name of {@code segment} ({@code -1}: noise). */
  public String name(int segment) {
    for (SegmentProfile p : profiles) {
      if (p.segment() == segment) {
        return p.name();
      }
    }
    return segment == Clustering.NOISE ? "Noise" : "Segment " + segment;
  }

  /** The ids of the training rows, in order; empty for a loaded segmentation. */
  public List<String> trainingIds() {
    return trainingIds;
  }

  /** The segment of every training row, in order; empty for a loaded segmentation. */
  public int[] trainingLabels() {
    return trainingLabels.clone();
  }

  /** A sample of the training rows on the first two principal components, for plotting. */
  public ScatterSample scatter() {
    return scatter;
  }

  /** This segmentation with some segments renamed ({@code segment → name}). */
  public FittedSegmentation withNames(Map<Integer, String> names) {
    List<SegmentProfile> renamed = new ArrayList<>();
    for (SegmentProfile p : profiles) {
      renamed.add(names.containsKey(p.segment()) ? p.withName(names.get(p.segment())) : p);
    }
    return new FittedSegmentation(provenance, idColumn, dropped, pipeline, plot, backend, clustering, selection, quality,
        renamed, trainingIds, trainingLabels, scatter);
  }

  /**
   * The segment of one new customer, given as column → value (numbers, booleans, category strings;
   * an absent or null value counts as missing and takes the training median).
   *
   * @throws BankmlException when a numeric field holds text that is not a number
   */
  public int assign(Map<String, ?> record) {
    return clustering.assign(pipeline.transformRow(record));
  }

  /**
   * The segment of every row of {@code table}, which needs the input columns of {@link #pipeline()}
   * (extra columns are ignored; an absent column counts as missing).
   */
  public int[] assign(Table table) {
    return clustering.assign(pipeline.transform(table));
  }

  /**
   * Writes this segmentation as a bundle (kind {@code segmentation}: the manifest, the backend's
   * clustering payload, digests and signature); see {@link Saveable}.
   */
  @Override
  public void save(Path file, BundleKeys keys) {
    SegmentationBundle.write(this, file, keys);
  }

  /**
   * Reads a segmentation written by {@link #save}, verified with {@link LoadOptions#defaults()},
   * with the backend it names (which must be on the class path).
   *
   * @throws dev.bankml.data.bundle.BundleException if the bundle is refused (missing, corrupt, too
   *     large, altered, unsigned or signed by an untrusted key, another kind or format version, a
   *     value out of range), naming file, entry and problem
   */
  public static FittedSegmentation load(Path file) {
    return load(file, LoadOptions.defaults());
  }

  /** As {@link #load(Path)} with {@code options} (keys, limits, the opt-in for unsigned bundles). */
  public static FittedSegmentation load(Path file, LoadOptions options) {
    return SegmentationBundle.read(file, options, dev.bankml.models.spi.Backends::named);
  }

  PcaFit plotProjection() {
    return plot;
  }

  ModelBackend backend() {
    return backend;
  }

  Clustering clustering() {
    return clustering;
  }
}
