package dev.bankml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.models.metrics.AdjustedRandIndex;
import dev.bankml.models.metrics.NormalizedMutualInformation;
import dev.bankml.models.segment.CustomerSegmentation;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.SegmentProfile;
import dev.bankml.models.segment.SegmentationQuality;
import dev.bankml.segment.SegmentInput;
import dev.bankml.segment.SegmentOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml segment}: segments customers by behaviour and writes assignments, profiles and charts. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = {
      "Segments customers by behaviour: chooses the number of segments (or takes --k), clusters with the "
          + "chosen backend, profiles and names each segment.",
      "Writes DIR/segments.csv (id, segment, segment_name), DIR/profiles.json and chart PNGs "
          + "(segment-scatter, segment-elbow, segment-silhouette, segment-profiles, segment-sizes)."
    })
final class SegmentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "BANKDIR|FILE.csv",
      description = "A customer CSV (one row per customer) or a directory written by 'bankml generate'.")
  Path data;

  @Option(names = "--k", defaultValue = "auto", paramLabel = "auto|N",
      description = "Number of segments, or 'auto' to choose it from 2..--max-k (default: ${DEFAULT-VALUE}).")
  String k;

  @Option(names = "--max-k", defaultValue = "10", paramLabel = "N",
      description = "Largest k tried by --k auto (default: ${DEFAULT-VALUE}).")
  int maxK;

  @Option(names = "--backend", paramLabel = "tribuo|smile",
      description = "Model backend (default: the first on the class path that offers the algorithm).")
  String backend;

  @Option(names = "--algorithm", defaultValue = "kmeans", paramLabel = "kmeans|gmm|hdbscan|dbscan",
      description = "Clustering algorithm (default: ${DEFAULT-VALUE}); hdbscan is Tribuo's, gmm and dbscan Smile's.")
  String algorithm;

  @Option(names = "--pca", paramLabel = "SHARE",
      description = "Cluster on the principal components explaining this share of variance (0 < SHARE <= 1).")
  Double pca;

  @Mixin SeedOption random;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the output files.")
  Path out;

  @Option(names = "--save", paramLabel = "FILE.bankml",
      description = "Also save the fitted segmentation (a signed bundle) to assign new customers later.")
  Path save;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    ProgressListener progress = Progress.create(output.quiet());
    long start = System.nanoTime();
    SegmentInput input = SegmentInput.load(data, progress);
    CustomerSegmentation.Builder b = CustomerSegmentation.builder()
        .algorithm(algorithm.trim().toLowerCase(Locale.ROOT))
        .seed(random.seed)
        .kRange(2, Math.max(2, maxK))
        .outcomes(input.outcomes())
        .progress(progress);
    if (backend != null) {
      b.backend(backend);
    }
    if (pca != null) {
      b.pcaVariance(pca);
    }
    parseK().ifPresent(b::k);
    FittedSegmentation s = b.build().fit(input.customers());
    List<Path> files = SegmentOutput.write(s, out);
    if (save != null) {
      s.save(save);
      files.add(save);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Optional<double[]> agreement = agreement(s, input.personas());
    PrintWriter stdout = spec.commandLine().getOut();
    if (output.json) {
      stdout.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary(s, agreement,
          seconds, files)));
    } else {
      print(stdout, s, agreement, seconds, files);
    }
    stdout.flush();
    return 0;
  }

  private Optional<Integer> parseK() {
    String v = k.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new BankmlException("--k must be 'auto' or a whole number of at least 1, got '" + k + "'");
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new BankmlException("--k must be 'auto' or a whole number of at least 1, got '" + k + "'");
    }
  }

  /** ARI and NMI of the segments against the hidden personas, over customers present in both. */
  private static Optional<double[]> agreement(FittedSegmentation s, Map<String, String> personas) {
    if (personas.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = s.trainingIds();
    int[] labels = s.trainingLabels();
    Map<String, Integer> codes = new HashMap<>();
    List<Integer> a = new ArrayList<>();
    List<Integer> t = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      String persona = personas.get(ids.get(i));
      if (persona != null) {
        a.add(labels[i]);
        t.add(codes.computeIfAbsent(persona, p -> codes.size()));
      }
    }
    if (a.isEmpty()) {
      return Optional.empty();
    }
    int[] x = a.stream().mapToInt(Integer::intValue).toArray();
    int[] y = t.stream().mapToInt(Integer::intValue).toArray();
    return Optional.of(new double[] {AdjustedRandIndex.of(x, y), NormalizedMutualInformation.of(x, y), codes.size()});
  }

  private static Map<String, Object> summary(
      FittedSegmentation s, Optional<double[]> agreement, double seconds, List<Path> files) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", s.k());
    m.putAll(SegmentOutput.quality(s.quality()));
    agreement.ifPresent(g -> {
      m.put("ari", num(g[0]));
      m.put("nmi", num(g[1]));
      m.put("personas", (int) g[2]);
    });
    m.put("backend", s.provenance().backend());
    m.put("algorithm", s.provenance().algorithm());
    m.put("rows", s.provenance().trainingRows());
    m.put("k_rule", s.kSelection().rule());
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    List<Map<String, Object>> segments = new ArrayList<>();
    for (SegmentProfile p : s.profiles()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("segment", p.segment());
      sm.put("name", p.name());
      sm.put("size", p.size());
      sm.put("share", num(p.share()));
      p.defaultRate().ifPresent(d -> sm.put("default_rate", num(d)));
      segments.add(sm);
    }
    m.put("segments", segments);
    m.put("files", files.stream().map(Path::toString).toList());
    return m;
  }

  private static void print(
      PrintWriter out, FittedSegmentation s, Optional<double[]> agreement, double seconds, List<Path> files) {
    SegmentationQuality q = s.quality();
    out.printf(Locale.ROOT, "%d segments of %,d customers (%s %s, %.1f s)%n", s.k(), s.provenance().trainingRows(),
        s.provenance().backend(), s.provenance().algorithm(), seconds);
    out.printf(Locale.ROOT, "k: %s%n", s.kSelection().rule());
    out.printf(Locale.ROOT, "silhouette %.3f  Davies-Bouldin %.3f  Calinski-Harabasz %.1f  stability (ARI) %.3f%n",
        q.silhouette(), q.daviesBouldin(), q.calinskiHarabasz(), q.stability());
    if (q.noise() > 0) {
      out.printf(Locale.ROOT, "noise: %,d customers%n", q.noise());
    }
    agreement.ifPresent(g -> out.printf(Locale.ROOT, "against the %d hidden personas: ARI %.3f  NMI %.3f%n",
        (int) g[2], g[0], g[1]));
    if (!s.dropped().isEmpty()) {
      out.println("left out: " + String.join(", ",
          s.dropped().stream().map(d -> d.name() + " (" + d.reason() + ")").toList()));
    }
    out.println();
    for (SegmentProfile p : s.profiles()) {
      out.printf(Locale.ROOT, "%5s  %6.1f%%  %,9d  %s%s%n", p.segment() < 0 ? "noise" : Integer.toString(p.segment()),
          100 * p.share(), p.size(), p.name(),
          p.defaultRate().isPresent() ? String.format(Locale.ROOT, "  (default rate %.1f%%)",
              100 * p.defaultRate().getAsDouble()) : "");
    }
    out.println();
    out.println("wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
