package dev.bankml.models.segment;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.Bundle;
import dev.bankml.data.bundle.BundleException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.BundleKind;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Provenance;
import dev.bankml.features.pipeline.PcaFit;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A segmentation as a {@link Bundle} of kind {@code segmentation}: the manifest holds the
 * provenance and {@link Settings} (the pipeline's features and their scaling, projections, k
 * evidence, quality, profiles); part {@code clustering.bin} is the backend's own payload. Files of
 * format 1 (older bankml: a zip with a camelCase manifest and {@code SHA256SUMS}) are read through
 * {@link LegacyManifest}.
 */
final class SegmentationBundle {
  static final String PAYLOAD = "clustering.bin";
  private static final String LEGACY_FORMAT = "bankml-segmentation";
  /** Format-1 manifests were camelCase JSON, written by this mapper's twin. */
  private static final ObjectMapper LEGACY_JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SegmentationBundle() {}

  record Feature(String name, String source, String level) {}

  /**
   * How one feature was scaled: log-compressed or not, median, centre, scale and clip; {@code
   * skewness} is informative only (files of bankml before segmentation became a feature pipeline).
   */
  record Scaling(String name, Double skewness, boolean logTransform, double impute, double center, double scale,
      double clip) {}

  /** {@code predictionStrength} is absent (null) in bundles written before it was computed. */
  record Candidate(int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz,
      Double bic, Double predictionStrength) {}

  record Profile(int segment, String name, long size, double share, List<FeatureProfile> features,
      List<String> topFeatures, Double defaultRate, Map<String, Double> productHoldings) {}

  record Proj(double[] mean, double[][] components, double[] explainedVariance) {}

  /** Everything of a segmentation besides provenance and the clustering payload; {@code pca} is null without PCA. */
  record Settings(String idColumn, List<Feature> features, List<DroppedColumn> dropped, List<Scaling> scaling,
      Proj pca, Proj plot, List<Candidate> candidates, int knee, int chosen, boolean forced, String rule,
      SegmentationQuality quality, List<Profile> profiles, ScatterSample scatter) {}

  /** The manifest of format 1: settings and provenance fields side by side. */
  record LegacyManifest(String format, int formatVersion, String created, String backend, String backendVersion,
      String algorithm, Map<String, Object> hyperparameters, long seed, long trainingRows, String idColumn,
      List<Feature> features, List<DroppedColumn> dropped, List<Scaling> scaling, Proj pca, Proj plot,
      List<Candidate> candidates, int knee, int chosen, boolean forced, String rule, SegmentationQuality quality,
      List<Profile> profiles, ScatterSample scatter) {
    Settings settings() {
      return new Settings(idColumn, features, dropped, scaling, pca, plot, candidates, knee, chosen, forced, rule, quality,
          profiles, scatter);
    }
  }

  static void write(FittedSegmentation s, Path file, BundleKeys keys) {
    FittedSegmentation.Provenance p = s.provenance();
    KSelection sel = s.kSelection();
    List<SegmentationPipeline.Part> parts = SegmentationPipeline.parts(s.pipeline());
    Settings settings = new Settings(s.idColumn(),
        parts.stream().map(f -> new Feature(f.name(), f.source(), f.level().orElse(null))).toList(),
        s.dropped(),
        parts.stream().map(f -> new Scaling(f.name(), null, f.logTransform(), f.impute(), f.center(), f.scale(),
            f.clip())).toList(),
        SegmentationPipeline.projection(s.pipeline()).map(SegmentationBundle::proj).orElse(null),
        proj(s.plotProjection()),
        sel.candidates().stream().map(c -> new Candidate(c.k(), c.inertia(), c.silhouette(), c.daviesBouldin(),
            c.calinskiHarabasz(), c.bic().isPresent() ? c.bic().getAsDouble() : null,
            c.predictionStrength().isPresent() ? c.predictionStrength().getAsDouble() : null)).toList(),
        sel.knee(), sel.chosen(), sel.forced(), sel.rule(), s.quality(),
        s.profiles().stream().map(r -> new Profile(r.segment(), r.name(), r.size(), r.share(), r.features(),
            r.topFeatures(), r.defaultRate().isPresent() ? r.defaultRate().getAsDouble() : null,
            r.productHoldings())).toList(),
        s.scatter());
    SegmentationQuality q = s.quality();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("silhouette", q.silhouette());
    metrics.put("davies_bouldin", q.daviesBouldin());
    metrics.put("calinski_harabasz", q.calinskiHarabasz());
    metrics.put("inertia", q.inertia());
    metrics.put("stability", q.stability());
    Provenance provenance = new Provenance(Bundle.bankmlVersion(), p.backend(), p.backendVersion(), p.algorithm(),
        p.hyperparameters().values(), p.seed(), new DataFingerprint(p.trainingRows(), 0, idsDigest(s.trainingIds())),
        metrics, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    byte[] payload = s.backend().saveClustering(s.clustering());
    Bundle.of(BundleKind.SEGMENTATION, provenance, settings, Map.of(PAYLOAD, payload)).write(file, keys);
  }

  /** SHA-256 of the training customers' ids in order; empty when they are not known (a loaded segmentation). */
  private static String idsDigest(List<String> ids) {
    return ids.isEmpty() ? "" : Bundle.sha256Hex(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
  }

  static FittedSegmentation read(Path file, LoadOptions options, Function<String, ModelBackend> backends) {
    Bundle bundle = Bundle.read(file, BundleKind.SEGMENTATION, options);
    FittedSegmentation.Provenance provenance;
    Settings m;
    if (bundle.isLegacy()) {
      LegacyManifest legacy = legacyManifest(bundle);
      provenance = new FittedSegmentation.Provenance(legacy.backend(), legacy.backendVersion(), legacy.algorithm(),
          new Hyperparameters(legacy.hyperparameters()), legacy.seed(), legacy.trainingRows());
      m = legacy.settings();
    } else {
      Provenance p = bundle.provenance();
      provenance = new FittedSegmentation.Provenance(p.backend(), p.backendVersion(), p.algorithm(),
          new Hyperparameters(p.hyperparameters()), p.seed(), p.trainingData().rows());
      m = bundle.manifest(Settings.class);
    }
    check(bundle, m);
    ModelBackend backend = backends.apply(provenance.backend());
    Clustering clustering;
    try {
      clustering = backend.loadClustering(bundle.part(PAYLOAD));
    } catch (BundleException e) {
      throw e;
    } catch (RuntimeException e) {
      throw bundle.refused(PAYLOAD, "the " + provenance.backend() + " payload cannot be read (" + e.getMessage() + ")");
    }
    if (clustering.k() != m.chosen()) {
      throw bundle.refused(PAYLOAD, "the clustering has " + clustering.k() + " segments but the manifest chose "
          + m.chosen());
    }
    List<SegmentationPipeline.Part> parts = new ArrayList<>();
    for (int j = 0; j < m.features().size(); j++) {
      Feature f = m.features().get(j);
      Scaling c = m.scaling().get(j);
      parts.add(new SegmentationPipeline.Part(f.name(), f.source(), Optional.ofNullable(f.level()), c.logTransform(),
          c.impute(), c.center(), c.scale(), c.clip()));
    }
    List<String> featureNames = parts.stream().map(SegmentationPipeline.Part::name).toList();
    List<KCandidate> candidates = m.candidates().stream()
        .map(c -> new KCandidate(c.k(), c.inertia(), c.silhouette(), c.daviesBouldin(), c.calinskiHarabasz(),
            c.bic() == null ? OptionalDouble.empty() : OptionalDouble.of(c.bic()),
            c.predictionStrength() == null ? OptionalDouble.empty() : OptionalDouble.of(c.predictionStrength())))
        .toList();
    List<SegmentProfile> profiles = m.profiles().stream()
        .map(r -> new SegmentProfile(r.segment(), r.name(), r.size(), r.share(), r.features(), r.topFeatures(),
            r.defaultRate() == null ? OptionalDouble.empty() : OptionalDouble.of(r.defaultRate()),
            r.productHoldings() == null ? Map.of() : r.productHoldings())).toList();
    try {
      return new FittedSegmentation(provenance, m.idColumn(), m.dropped(),
          SegmentationPipeline.fromParts(parts, Optional.ofNullable(m.pca()).map(p -> projection(p, featureNames))),
          projection(m.plot(), featureNames), backend, clustering,
          new KSelection(candidates, m.knee(), m.chosen(), m.forced(), m.rule()), m.quality(), profiles,
          List.of(), new int[0], m.scatter());
    } catch (BankmlException | IllegalArgumentException | NullPointerException | IndexOutOfBoundsException e) {
      throw bundle.refused(Bundle.MANIFEST, "the segmentation it describes is inconsistent (" + e.getMessage() + ")");
    }
  }

  private static LegacyManifest legacyManifest(Bundle bundle) {
    LegacyManifest m;
    try {
      m = LEGACY_JSON.readValue(bundle.manifestBytes(), LegacyManifest.class);
    } catch (IOException e) {
      throw bundle.refused(Bundle.MANIFEST, "it is not valid JSON (" + e.getMessage() + ")");
    }
    if (m == null || !LEGACY_FORMAT.equals(m.format())) {
      throw bundle.refused(Bundle.MANIFEST, "it is a '" + (m == null ? "null" : m.format()) + "' file, not a "
          + LEGACY_FORMAT + " bundle");
    }
    if (m.formatVersion() != Bundle.LEGACY_FORMAT_VERSION) {
      throw bundle.refused(Bundle.MANIFEST, "it has format version " + m.formatVersion() + " of the older layout; this "
          + "bankml reads version " + Bundle.LEGACY_FORMAT_VERSION + " of it");
    }
    return m;
  }

  /** Refuses a manifest whose values no fitted segmentation has. */
  private static void check(Bundle bundle, Settings m) {
    if (m.idColumn() == null || m.features() == null || m.features().isEmpty() || m.scaling() == null
        || m.plot() == null || m.candidates() == null || m.profiles() == null || m.quality() == null
        || m.dropped() == null || m.rule() == null || m.scatter() == null) {
      throw bundle.refused(Bundle.MANIFEST, "a required section is missing");
    }
    if (m.features().size() != m.scaling().size()) {
      throw bundle.refused(Bundle.MANIFEST, "it has " + m.features().size() + " features but " + m.scaling().size()
          + " scalings");
    }
    if (m.chosen() < 1 || m.chosen() > 10_000) {
      throw bundle.refused(Bundle.MANIFEST, "chosen k is " + m.chosen() + "; must be from 1 to 10,000");
    }
    for (Scaling c : m.scaling()) {
      if (!(Double.isFinite(c.impute()) && Double.isFinite(c.center()) && Double.isFinite(c.scale()) && c.scale() != 0
          && c.clip() > 0)) {
        throw bundle.refused(Bundle.MANIFEST, "scaling of feature '" + c.name() + "' is not finite with a non-zero "
            + "scale and a positive clip");
      }
    }
  }

  private static Proj proj(PcaFit p) {
    return new Proj(p.mean(), p.components(), p.explainedVariance());
  }

  /** The projection {@code p} of the scaled features {@code inputs}, its outputs named pc1, pc2, … */
  private static PcaFit projection(Proj p, List<String> inputs) {
    List<String> outputs = new ArrayList<>();
    for (int c = 0; c < p.components().length; c++) {
      outputs.add("pc" + (c + 1));
    }
    return new PcaFit(inputs, p.mean(), p.components(), p.explainedVariance(), outputs);
  }
}
