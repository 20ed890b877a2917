package dev.bankml.recommender;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The saved form of an {@link ItemRecommender}: a plain binary layout (no Java serialization).
 *
 * <pre>
 * "BANKMLRC" (8 bytes) · format version (int) · payload length (long) · payload · SHA-256(payload) (32 bytes)
 * </pre>
 *
 * Written to a temporary file beside the target and moved into place, so readers never see half a
 * file. A file with another magic, another version, a wrong length or a wrong checksum is refused.
 */
final class RecommenderFile {
  static final byte[] MAGIC = "BANKMLRC".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private RecommenderFile() {}

  static void save(ItemRecommender r, Path file) throws IOException {
    byte[] payload = payload(r);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 52);
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(payload.length);
    out.write(payload);
    out.write(sha256(payload));
    out.flush();
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] payload(ItemRecommender r) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    RecommenderSpec s = r.spec();
    out.writeUTF(s.similarity().name());
    out.writeDouble(s.alpha());
    out.writeDouble(s.shrinkage());
    out.writeInt(s.neighbours());
    out.writeBoolean(s.normalizeNeighbours());
    out.writeInt(s.blendBelow());
    out.writeDouble(s.blendWeight());
    out.writeInt(s.threads());
    int n = r.items();
    out.writeInt(n);
    for (String label : r.itemLabels()) {
      out.writeUTF(label);
    }
    Popularity pop = r.popularity();
    writeDoubles(out, pop.globalArray());
    double[][] seg = pop.bySegmentArray();
    out.writeInt(seg.length);
    for (double[] row : seg) {
      writeDoubles(out, row);
    }
    ItemSimilarity sim = r.similarity();
    int[] ptr = sim.ptr();
    for (int p : ptr) {
      out.writeInt(p);
    }
    for (int j : sim.neighbourArray()) {
      out.writeInt(j);
    }
    for (float v : sim.valueArray()) {
      out.writeFloat(v);
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  static ItemRecommender load(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    String where = "recommender file " + file;
    if (all.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new RecommenderFileException(where + " is not a bankml recommender (it does not start with BANKMLRC)");
    }
    ByteBuffer head = ByteBuffer.wrap(all, MAGIC.length, 12);
    int version = head.getInt();
    long length = head.getLong();
    if (version != VERSION) {
      throw new RecommenderFileException(
          where + " has format version " + version + "; this build reads version " + VERSION
              + " only: refit and save it again");
    }
    int start = MAGIC.length + 12;
    if (length < 0 || length != all.length - start - 32L) {
      throw new RecommenderFileException(
          where + " is truncated or has extra bytes (payload length " + length + " does not match the file size "
              + all.length + "); it was modified or not fully copied");
    }
    byte[] payload = Arrays.copyOfRange(all, start, start + (int) length);
    byte[] stored = Arrays.copyOfRange(all, start + (int) length, all.length);
    byte[] actual = sha256(payload);
    if (!MessageDigest.isEqual(stored, actual)) {
      throw new RecommenderFileException(
          where + " failed its SHA-256 checksum (stored " + HexFormat.of().formatHex(stored) + ", actual "
              + HexFormat.of().formatHex(actual) + "); the file was modified or corrupted: refusing to load it");
    }
    try {
      return read(new DataInputStream(new ByteArrayInputStream(payload)), payload.length);
    } catch (EOFException | IllegalArgumentException | RecommenderInputException e) {
      throw new RecommenderFileException(where + " has a valid checksum but an inconsistent layout: " + e.getMessage(), e);
    }
  }

  private static ItemRecommender read(DataInputStream in, int payloadLength) throws IOException {
    Similarity kind = Similarity.valueOf(in.readUTF());
    RecommenderSpec spec = new RecommenderSpec(
        kind, in.readDouble(), in.readDouble(), in.readInt(), in.readBoolean(), in.readInt(), in.readDouble(), in.readInt());
    int n = in.readInt();
    require(n >= 0 && n <= 50_000_000, "item count " + n);
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      labels.add(in.readUTF());
    }
    double[] global = readDoubles(in, n);
    int segments = in.readInt();
    require(segments >= 0 && segments <= 1_000_000, "segment count " + segments);
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
    }
    require(in.read() == -1, "trailing bytes");
    ItemSimilarity sim = new ItemSimilarity(kind, ptr, nb, val);
    return new ItemRecommender(spec, sim, new Popularity(global, seg), labels);
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

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
