package dev.bankml.web;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.io.BankFiles;
import dev.bankml.models.segment.CustomerSegmentation;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.segment.SegmentInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.function.IntFunction;
import dev.bankml.features.dictionary.DataDictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The customer segmentation the segments page shows: k-means (Smile when it is on the class path)
 * on the customer-behaviour view of a bank directory, k chosen automatically, fitted the first time
 * and kept in the cache directory (the signed bundle plus every customer's segment) so later
 * starts only load it.
 */
final class SegmentationCache {
  /** Largest k tried: the synthetic bank has six personas; a short range keeps the first start quick. */
  static final int MAX_K = 8;
  /** Bootstrap refits for the stability figure; one is enough for the page. */
  static final int STABILITY_RUNS = 1;
  static final String BUNDLE = "segments.bankml";
  static final String ASSIGNMENTS = "customer-segments.csv";
  private static final String HEADER = "customer_id,segment";

  private SegmentationCache() {}

  /**
   * The segmentation of {@code bankDir} from {@code dir}, fitting and saving it there the first time
   * (or when the cached copy is refused); empty when the bank has no customers or transactions.
   */
  static Optional<SegmentsSource> prepare(Path bankDir, Path dir, long seed, ProgressListener progress,
      Consumer<String> say, DataDictionary dictionary) {
    if (!Files.isRegularFile(bankDir.resolve(BankFiles.CUSTOMERS))
        || !Files.isRegularFile(bankDir.resolve(BankFiles.TRANSACTIONS))) {
      say.accept("no " + BankFiles.CUSTOMERS + " and " + BankFiles.TRANSACTIONS + " in " + bankDir
          + "; the segments page is off");
      return Optional.empty();
    }
    Path bundle = dir.resolve(BUNDLE);
    Path assignments = dir.resolve(ASSIGNMENTS);
    if (Files.isRegularFile(bundle) && Files.isRegularFile(assignments)) {
      try {
        FittedSegmentation seg = FittedSegmentation.load(bundle);
        Map<String, Integer> segments = readAssignments(assignments);
        say.accept("using the customer segmentation in " + bundle);
        return Optional.of(new BankSegments(seg, segments, dictionary, new Refit(bankDir, seed, dictionary, null)));
      } catch (BankmlException e) {
        say.accept("refitting: the cached segmentation " + bundle + " was refused (" + e.getMessage() + ")");
      }
    }
    say.accept("reading the customer-behaviour view of " + bankDir);
    SegmentInput input = SegmentInput.load(bankDir, progress);
    say.accept("segmenting " + input.customers().rows() + " customers with k-means, k chosen from 2…" + MAX_K
        + " (first run only)");
    FittedSegmentation seg = spec(input, seed, progress).kRange(2, MAX_K).build().fit(input.customers());
    Map<String, Integer> segments = assignments(seg);
    List<String> ids = seg.trainingIds();
    int[] labels = seg.trainingLabels();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    seg.save(bundle);
    writeAssignments(assignments, ids, labels);
    say.accept("found " + seg.k() + " customer segments");
    return Optional.of(new BankSegments(seg, segments, dictionary, new Refit(bankDir, seed, dictionary, input)));
  }

  private static CustomerSegmentation.Builder spec(SegmentInput input, long seed, ProgressListener progress) {
    CustomerSegmentation.Builder spec = CustomerSegmentation.builder()
        .algorithm("kmeans")
        .stabilityRuns(STABILITY_RUNS)
        .seed(seed)
        .outcomes(input.outcomes())
        .progress(progress);
    backend().ifPresent(spec::backend);
    return spec;
  }

  private static Map<String, Integer> assignments(FittedSegmentation seg) {
    Map<String, Integer> segments = new LinkedHashMap<>();
    List<String> ids = seg.trainingIds();
    int[] labels = seg.trainingLabels();
    for (int i = 0; i < labels.length; i++) {
      segments.put(ids.get(i), labels[i]);
    }
    return segments;
  }

  /**
   * The same customers segmented into another k, fitted on first request and kept (the page lets a
   * person try k = 2 … 10). Reads the behaviour view again when the cached segmentation was loaded.
   */
  private static final class Refit implements IntFunction<Optional<SegmentsSource>> {
    private final Path bankDir;
    private final long seed;
    private final DataDictionary dictionary;
    private SegmentInput input;
    private final Map<Integer, SegmentsSource> fitted = new HashMap<>();

    Refit(Path bankDir, long seed, DataDictionary dictionary, SegmentInput input) {
      this.bankDir = bankDir;
      this.seed = seed;
      this.dictionary = dictionary;
      this.input = input;
    }

    @Override
    public synchronized Optional<SegmentsSource> apply(int k) {
      SegmentsSource known = fitted.get(k);
      if (known != null) {
        return Optional.of(known);
      }
      if (input == null) {
        input = SegmentInput.load(bankDir, ProgressListener.NONE);
      }
      FittedSegmentation seg = spec(input, seed, ProgressListener.NONE).k(k).build().fit(input.customers());
      SegmentsSource source = new BankSegments(seg, assignments(seg), dictionary, this);
      fitted.put(k, source);
      return Optional.of(source);
    }
  }

  /** Smile when available (its k-means is the faster), else whichever backend offers k-means. */
  private static Optional<ModelBackend> backend() {
    return Backends.all().stream().filter(b -> b.name().equals("smile")).findFirst();
  }

  private static void writeAssignments(Path file, List<String> ids, int[] labels) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < labels.length; i++) {
      out.append(ids.get(i)).append(',').append(labels[i]).append('\n');
    }
    AtomicFile.writeString(file, out);
  }

  private static Map<String, Integer> readAssignments(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BankmlException("cannot read " + file + ": " + e.getMessage());
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new BankmlException(file + ": line 1 must be '" + HEADER + "'");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int comma = line.lastIndexOf(',');
      try {
        out.put(line.substring(0, comma), Integer.parseInt(line.substring(comma + 1)));
      } catch (RuntimeException e) {
        throw new BankmlException(file + ": line " + (i + 1) + " is '" + line + "'; expected customer_id,segment");
      }
    }
    return out;
  }
}
