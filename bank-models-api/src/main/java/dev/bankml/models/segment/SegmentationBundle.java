package dev.bankml.models.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.PcaFit;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The segmentation bundle: a zip holding {@code manifest.json} (format, version, provenance, scaling,
 * projections, k evidence, quality, profiles), {@code clustering.bin} (the backend's own payload)
 * and {@code SHA256SUMS} (a SHA-256 of each). Written to a temporary file and moved into place.
 */
final class SegmentationBundle {
  static final String FORMAT = "bankml-segmentation";
  static final int VERSION = 1;
  private static final String MANIFEST = "manifest.json";
  private static final String PAYLOAD = "clustering.bin";
  private static final String SUMS = "SHA256SUMS";
  private static final long MAX_ENTRY = 1L << 30;
  private static final ObjectMapper JSON = JsonMapper.builder()
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

  record Manifest(String format, int formatVersion, String created, String backend, String backendVersion,
      String algorithm, Map<String, Object> hyperparameters, long seed, long trainingRows, String idColumn,
      List<Feature> features, List<DroppedColumn> dropped, List<Scaling> scaling, Proj pca, Proj plot,
      List<Candidate> candidates, int knee, int chosen, boolean forced, String rule, SegmentationQuality quality,
      List<Profile> profiles, ScatterSample scatter) {}

  static void write(FittedSegmentation s, Path file) {
    FittedSegmentation.Provenance p = s.provenance();
    KSelection sel = s.kSelection();
    List<SegmentationPipeline.Part> parts = SegmentationPipeline.parts(s.pipeline());
    Manifest m = new Manifest(FORMAT, VERSION, Instant.now().toString(), p.backend(), p.backendVersion(),
        p.algorithm(), p.hyperparameters().values(), p.seed(), p.trainingRows(), s.idColumn(),
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
    byte[] manifest;
    try {
      manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the segmentation manifest", e);
    }
    byte[] payload = s.backend().saveClustering(s.clustering());
    String sums = sha256(manifest) + "  " + MANIFEST + "\n" + sha256(payload) + "  " + PAYLOAD + "\n";
    Path target = file.toAbsolutePath();
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
          put(zip, MANIFEST, manifest);
          put(zip, PAYLOAD, payload);
          put(zip, SUMS, sums.getBytes(StandardCharsets.UTF_8));
        }
        try {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BankmlException("could not write segmentation bundle " + file + ": " + e.getMessage(), e);
    }
  }

  static FittedSegmentation read(Path file, Function<String, ModelBackend> backends) {
    Map<String, byte[]> entries = entries(file);
    for (String name : List.of(MANIFEST, PAYLOAD, SUMS)) {
      if (!entries.containsKey(name)) {
        throw refused(file, "it has no entry '" + name + "'");
      }
    }
    checkSums(file, entries);
    Manifest m;
    try {
      m = JSON.readValue(entries.get(MANIFEST), Manifest.class);
    } catch (IOException e) {
      throw refused(file, "its manifest is not valid JSON (" + e.getMessage() + ")");
    }
    if (!FORMAT.equals(m.format())) {
      throw refused(file, "it is a '" + m.format() + "' file, not a " + FORMAT + " bundle");
    }
    if (m.formatVersion() != VERSION) {
      throw refused(file, "it has format version " + m.formatVersion() + "; this bankml reads version " + VERSION);
    }
    ModelBackend backend = backends.apply(m.backend());
    Clustering clustering = backend.loadClustering(entries.get(PAYLOAD));
    if (m.features().size() != m.scaling().size()) {
      throw refused(file, "it has " + m.features().size() + " features but " + m.scaling().size() + " scalings");
    }
    List<SegmentationPipeline.Part> parts = new java.util.ArrayList<>();
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
    return new FittedSegmentation(
        new FittedSegmentation.Provenance(m.backend(), m.backendVersion(), m.algorithm(),
            new Hyperparameters(m.hyperparameters()), m.seed(), m.trainingRows()),
        m.idColumn(), m.dropped(),
        SegmentationPipeline.fromParts(parts, Optional.ofNullable(m.pca()).map(p -> projection(p, featureNames))),
        projection(m.plot(), featureNames), backend, clustering, new KSelection(candidates, m.knee(), m.chosen(), m.forced(), m.rule()), m.quality(), profiles,
        List.of(), new int[0], m.scatter());
  }

  private static Map<String, byte[]> entries(Path file) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (entries.containsKey(e.getName())) {
          throw refused(file, "it holds entry '" + e.getName() + "' twice");
        }
        entries.put(e.getName(), readLimited(zip, file));
      }
    } catch (NoSuchFileException e) {
      throw new BankmlException("segmentation bundle " + file + " does not exist");
    } catch (ZipException | java.io.EOFException e) {
      throw refused(file, "it is not a complete zip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new BankmlException("could not read segmentation bundle " + file + ": " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw refused(file, "it is empty or not a zip file");
    }
    return entries;
  }

  private static byte[] readLimited(InputStream in, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int r;
    while ((r = in.read(buf)) > 0) {
      total += r;
      if (total > MAX_ENTRY) {
        throw refused(file, "an entry is larger than 1 GiB");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  private static void checkSums(Path file, Map<String, byte[]> entries) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : new String(entries.get(SUMS), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+", 2);
      if (parts.length != 2) {
        throw refused(file, "its " + SUMS + " has a malformed line '" + line + "'");
      }
      expected.put(parts[1], parts[0]);
    }
    for (String name : List.of(MANIFEST, PAYLOAD)) {
      String want = expected.get(name);
      if (want == null) {
        throw refused(file, "its " + SUMS + " has no checksum for '" + name + "'");
      }
      if (!want.equalsIgnoreCase(sha256(entries.get(name)))) {
        throw refused(file, "entry '" + name + "' does not match its SHA-256 checksum (the file was modified "
            + "or corrupted)");
      }
    }
  }

  private static BankmlException refused(Path file, String why) {
    return new BankmlException("refused segmentation bundle " + file + ": " + why);
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Proj proj(PcaFit p) {
    return new Proj(p.mean(), p.components(), p.explainedVariance());
  }

  /** The projection {@code p} of the scaled features {@code inputs}, its outputs named pc1, pc2, … */
  private static PcaFit projection(Proj p, List<String> inputs) {
    List<String> outputs = new java.util.ArrayList<>();
    for (int c = 0; c < p.components().length; c++) {
      outputs.add("pc" + (c + 1));
    }
    return new PcaFit(inputs, p.mean(), p.components(), p.explainedVariance(), outputs);
  }
}
