package dev.bankml.segment;

import dev.bankml.data.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bankml.models.segment.DroppedColumn;
import dev.bankml.models.segment.FeatureProfile;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.KCandidate;
import dev.bankml.models.segment.SegmentProfile;
import dev.bankml.models.segment.SegmentationQuality;
import dev.bankml.report.ChartImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a segmentation's files: {@code segments.csv}, {@code profiles.json} and the chart PNGs. */
public final class SegmentOutput {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SegmentOutput() {}

  /** Writes every file into {@code dir} (created if needed) and returns the paths written. */
  public static List<Path> write(FittedSegmentation s, Path dir) {
    List<Path> written = new ArrayList<>();
    written.add(segmentsCsv(s, dir.resolve("segments.csv")));
    Path profiles = dir.resolve("profiles.json");
    AtomicFile.write(profiles, out -> JSON.writeValue(out, profiles(s)));
    written.add(profiles);
    for (ChartImage chart : SegmentCharts.all(s)) {
      Path png = dir.resolve(chart.id() + ".png");
      AtomicFile.write(png, chart.png());
      written.add(png);
    }
    return written;
  }

  private static Path segmentsCsv(FittedSegmentation s, Path file) {
    List<String> ids = s.trainingIds();
    int[] labels = s.trainingLabels();
    Map<Integer, String> names = new LinkedHashMap<>();
    for (SegmentProfile p : s.profiles()) {
      names.put(p.segment(), p.name());
    }
    AtomicFile.writeText(file, w -> {
      CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
      csv.printRecord(s.idColumn(), "segment", "segment_name");
      for (int i = 0; i < labels.length; i++) {
        csv.printRecord(ids.get(i), labels[i], names.getOrDefault(labels[i], ""));
      }
      csv.flush();
    });
    return file;
  }

  /** The content of {@code profiles.json}: provenance, quality, k evidence, inputs and every profile. */
  public static Map<String, Object> profiles(FittedSegmentation s) {
    Map<String, Object> m = new LinkedHashMap<>();
    FittedSegmentation.Provenance p = s.provenance();
    m.put("k", s.k());
    m.put("backend", p.backend());
    m.put("algorithm", p.algorithm());
    m.put("hyperparameters", p.hyperparameters().values());
    m.put("seed", p.seed());
    m.put("rows", p.trainingRows());
    m.put("quality", quality(s.quality()));
    Map<String, Object> sel = new LinkedHashMap<>();
    sel.put("rule", s.kSelection().rule());
    sel.put("forced", s.kSelection().forced());
    sel.put("knee", s.kSelection().knee());
    sel.put("chosen", s.kSelection().chosen());
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (KCandidate c : s.kSelection().candidates()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("k", c.k());
      cm.put("inertia", num(c.inertia()));
      cm.put("silhouette", num(c.silhouette()));
      cm.put("davies_bouldin", num(c.daviesBouldin()));
      cm.put("calinski_harabasz", num(c.calinskiHarabasz()));
      if (c.bic().isPresent()) {
        cm.put("bic", num(c.bic().getAsDouble()));
      }
      if (c.predictionStrength().isPresent()) {
        cm.put("prediction_strength", num(c.predictionStrength().getAsDouble()));
      }
      candidates.add(cm);
    }
    sel.put("candidates", candidates);
    List<Map<String, Object>> votes = new ArrayList<>();
    for (var v : s.kSelection().votes()) {
      Map<String, Object> one = new LinkedHashMap<>(); // Map.of's key order changes from run to run
      one.put("criterion", v.criterion());
      one.put("k", v.k());
      votes.add(one);
    }
    sel.put("votes", votes);
    m.put("k_selection", sel);
    m.put("id_column", s.idColumn());
    m.put("features", s.features());
    List<Map<String, String>> dropped = new ArrayList<>();
    for (DroppedColumn d : s.dropped()) {
      Map<String, String> one = new LinkedHashMap<>(); // Map.of would order the keys differently from run to run
      one.put("column", d.name());
      one.put("reason", d.reason());
      dropped.add(one);
    }
    m.put("dropped_columns", dropped);
    List<Map<String, Object>> segments = new ArrayList<>();
    for (SegmentProfile sp : s.profiles()) {
      segments.add(segment(sp));
    }
    m.put("segments", segments);
    return m;
  }

  /** The quality measures of a segmentation as JSON fields (non-finite values as null). */
  public static Map<String, Object> quality(SegmentationQuality q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("silhouette", num(q.silhouette()));
    m.put("davies_bouldin", num(q.daviesBouldin()));
    m.put("calinski_harabasz", num(q.calinskiHarabasz()));
    m.put("inertia", num(q.inertia()));
    m.put("stability_ari", num(q.stability()));
    m.put("noise", q.noise());
    return m;
  }

  private static Map<String, Object> segment(SegmentProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("segment", p.segment());
    m.put("name", p.name());
    m.put("size", p.size());
    m.put("share", num(p.share()));
    m.put("top_features", p.topFeatures());
    if (p.defaultRate().isPresent()) {
      m.put("default_rate", num(p.defaultRate().getAsDouble()));
    }
    if (!p.productHoldings().isEmpty()) {
      m.put("product_holdings", new java.util.TreeMap<>(p.productHoldings()));
    }
    List<Map<String, Object>> features = new ArrayList<>();
    for (FeatureProfile f : p.features()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("feature", f.feature());
      fm.put("mean", num(f.mean()));
      fm.put("median", num(f.median()));
      fm.put("population_mean", num(f.populationMean()));
      fm.put("z", num(f.zScore()));
      features.add(fm);
    }
    m.put("features", features);
    return m;
  }

  /** A JSON number, or null when not finite (JSON has no NaN). */
  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
