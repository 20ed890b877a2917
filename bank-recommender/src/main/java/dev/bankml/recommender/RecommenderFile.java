package dev.bankml.recommender;

import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.Bundle;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.BundleKind;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Provenance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ItemRecommender} as a {@link Bundle} of kind {@code recommender}: the manifest holds
 * the provenance (backend {@code bankml}, algorithm {@code item-<similarity>}, the settings as
 * hyperparameters) and {@link Settings} (the spec and the item names); part
 * {@code similarity.bin} holds the learned numbers in a plain binary layout (no Java
 * serialisation), big-endian:
 *
 * <pre>
 * items n (int) · global popularity (n doubles) · segments s (int) · s × n segment popularity (doubles)
 * · neighbour offsets (n + 1 ints) · neighbour items (ints) · similarities (floats)
 * </pre>
 *
 * Files of format 1 (older bankml: "BANKMLRC", version, length, the same numbers preceded by the
 * spec and the labels, a SHA-256) load through the same {@link Bundle#read} with the opt-in for
 * unsigned bundles.
 */
final class RecommenderFile {
  static final String PART = "similarity.bin";
  private static final int MAX_ITEMS = 10_000_000;
  private static final int MAX_SEGMENTS = 100_000;

  private RecommenderFile() {}

  /** The recommender's typed settings in the manifest. */
  record Settings(RecommenderSpec spec, List<String> itemLabels, int segments) {}

  static void save(ItemRecommender r, Path file, BundleKeys keys) {
    RecommenderSpec s = r.spec();
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    hyperparameters.put("similarity", s.similarity().label());
    hyperparameters.put("alpha", s.alpha());
    hyperparameters.put("shrinkage", s.shrinkage());
    hyperparameters.put("neighbours", s.neighbours());
    hyperparameters.put("normalize_neighbours", s.normalizeNeighbours());
    hyperparameters.put("blend_below", s.blendBelow());
    hyperparameters.put("blend_weight", s.blendWeight());
    Provenance provenance = new Provenance(Bundle.bankmlVersion(), "bankml", Bundle.bankmlVersion(),
        "item-" + s.similarity().label(), hyperparameters, 0, r.trainingData(), Map.of(), r.createdAt());
    Settings settings = new Settings(s, r.itemLabels(), r.popularity().segments());
    Bundle.of(BundleKind.RECOMMENDER, provenance, settings, Map.of(PART, numbers(r))).write(file, keys);
  }

  static ItemRecommender load(Path file, LoadOptions options) {
    Bundle bundle = Bundle.read(file, BundleKind.RECOMMENDER, options);
    try {
      if (bundle.isLegacy()) {
        byte[] payload = bundle.part(Bundle.LEGACY_RECOMMENDER_PART);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        RecommenderSpec spec = legacySpec(in);
        int n = in.readInt();
        require(n >= 0 && n <= MAX_ITEMS && n <= payload.length, "item count " + n);
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          labels.add(in.readUTF());
        }
        return body(in, payload.length, spec, labels, n, new DataFingerprint(0, 0, ""), "");
      }
      Provenance p = bundle.provenance();
      Settings settings = bundle.manifest(Settings.class);
      require(settings.spec() != null && settings.itemLabels() != null, "settings: spec and item_labels are required");
      byte[] payload = bundle.part(PART);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      int n = in.readInt();
      require(n == settings.itemLabels().size(), "item count " + n + " (the manifest names "
          + settings.itemLabels().size() + " items)");
      ItemRecommender r = body(in, payload.length, settings.spec(), settings.itemLabels(), n, p.trainingData(),
          p.createdAt());
      require(r.popularity().segments() == settings.segments(), "segment count " + r.popularity().segments()
          + " (the manifest says " + settings.segments() + ")");
      return r;
    } catch (EOFException e) {
      throw bundle.refused(bundle.isLegacy() ? Bundle.LEGACY_RECOMMENDER_PART : PART, "it ends early; the layout is "
          + "inconsistent");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array cannot fail otherwise
    } catch (IllegalArgumentException | BankmlException e) {
      if (e instanceof dev.bankml.data.bundle.BundleException be) {
        throw be;
      }
      throw bundle.refused(bundle.isLegacy() ? Bundle.LEGACY_RECOMMENDER_PART : PART, "inconsistent layout: "
          + e.getMessage());
    }
  }

  private static RecommenderSpec legacySpec(DataInputStream in) throws IOException {
    Similarity kind = Similarity.valueOf(in.readUTF());
    return new RecommenderSpec(kind, in.readDouble(), in.readDouble(), in.readInt(), in.readBoolean(), in.readInt(),
        in.readDouble(), in.readInt());
  }

  private static byte[] numbers(ItemRecommender r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      int n = r.items();
      out.writeInt(n);
      Popularity pop = r.popularity();
      writeDoubles(out, pop.globalArray());
      double[][] seg = pop.bySegmentArray();
      out.writeInt(seg.length);
      for (double[] row : seg) {
        writeDoubles(out, row);
      }
      ItemSimilarity sim = r.similarity();
      for (int p : sim.ptr()) {
        out.writeInt(p);
      }
      for (int j : sim.neighbourArray()) {
        out.writeInt(j);
      }
      for (float v : sim.valueArray()) {
        out.writeFloat(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /** Popularity and similarities of {@code n} items, every count and index checked against the payload. */
  private static ItemRecommender body(DataInputStream in, int payloadLength, RecommenderSpec spec, List<String> labels,
      int n, DataFingerprint data, String createdAt) throws IOException {
    require(n >= 0 && (long) n * 8 <= payloadLength, "item count " + n);
    double[] global = readDoubles(in, n);
    int segments = in.readInt();
    require(segments >= 0 && segments <= MAX_SEGMENTS && (long) segments * n * 8 <= payloadLength,
        "segment count " + segments);
    double[][] seg = new double[segments][];
    for (int s = 0; s < segments; s++) {
      seg[s] = readDoubles(in, n);
    }
    int[] ptr = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      ptr[i] = in.readInt();
      require(ptr[i] >= 0 && (i == 0 ? ptr[i] == 0 : ptr[i] >= ptr[i - 1]), "neighbour offsets");
    }
    int nnz = ptr[n];
    require((long) nnz * 8 <= payloadLength, "neighbour count " + nnz);
    int[] nb = new int[nnz];
    for (int p = 0; p < nnz; p++) {
      nb[p] = in.readInt();
      require(nb[p] >= 0 && nb[p] < n, "neighbour index " + nb[p]);
    }
    float[] val = new float[nnz];
    for (int p = 0; p < nnz; p++) {
      val[p] = in.readFloat();
      require(Float.isFinite(val[p]), "similarity " + val[p]);
    }
    require(in.read() == -1, "trailing bytes");
    ItemSimilarity sim = new ItemSimilarity(spec.similarity(), ptr, nb, val);
    return new ItemRecommender(spec, sim, new Popularity(global, seg), labels, data, createdAt);
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readDouble();
    }
    return out;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("bad " + what);
    }
  }
}
