package dev.bankml.models.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.ChecksummedPayload;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.WeightedEnsembleModelProto;

/**
 * The Tribuo backend's persistent form: a small envelope around Tribuo's protobuf
 * {@link ModelProto}.
 *
 * <pre>
 * magic "BKMLTRIB" | format version (int) | kind (C = classifier, K = clustering)
 * | algorithm (UTF) | feature count (int) | proto length (int) | ModelProto bytes
 * | label count (int) | labels (int each; k-means training labels, else none)
 * | extra count (int) | extras (double each; forest importances, else none)
 * | CRC-32 of all the above (long)
 * </pre>
 *
 * Reading checks the checksum before parsing anything, then checks that the protobuf names the
 * Tribuo model class expected for the algorithm (and, for forests, that every member is a tree)
 * before Tribuo instantiates it. No Java serialisation is involved.
 */
final class TribuoPayload {
  static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "BKMLTRIB".getBytes(StandardCharsets.US_ASCII);
  private static final Map<String, String> MODEL_CLASS = Map.of(
      "logistic", "org.tribuo.classification.sgd.linear.LinearSGDModel",
      "random-forest", "org.tribuo.ensemble.WeightedEnsembleModel",
      "xgboost", "org.tribuo.common.xgboost.XGBoostModel",
      "kmeans", "org.tribuo.clustering.kmeans.KMeansModel",
      "hdbscan", "org.tribuo.clustering.hdbscan.HdbscanModel");
  private static final Set<String> FOREST_MEMBERS = Set.of("org.tribuo.common.tree.TreeModel");

  /** A decoded payload. */
  record Decoded(char kind, String algorithm, int cols, Model<?> model, int[] labels, double[] extras) {}

  private TribuoPayload() {}

  static byte[] encode(char kind, String algorithm, int cols, Model<?> model, int[] labels, double[] extras) {
    byte[] proto = model.serialize().toByteArray();
    return ChecksummedPayload.write(proto.length + 64 + 4 * labels.length + 8 * extras.length, out -> {
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeByte(kind);
      out.writeUTF(algorithm);
      out.writeInt(cols);
      out.writeInt(proto.length);
      out.write(proto);
      out.writeInt(labels.length);
      for (int l : labels) {
        out.writeInt(l);
      }
      out.writeInt(extras.length);
      for (double d : extras) {
        out.writeDouble(d);
      }
    });
  }

  static Decoded decode(byte[] payload, char expectedKind) {
    String what = expectedKind == 'C' ? "Tribuo classifier" : "Tribuo clustering";
    if (payload.length < MAGIC.length + 4 + 1 + 2 + 4 + 4 + 4 + 4 + 8
        || !Arrays.equals(Arrays.copyOf(payload, MAGIC.length), MAGIC)) {
      throw new BankmlException(what + " payload is not a bankml Tribuo model (bad header or too short: "
          + payload.length + " bytes)");
    }
    if (!ChecksummedPayload.intact(payload)) {
      throw new BankmlException(what + " payload is corrupt: checksum mismatch");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      in.skipBytes(MAGIC.length);
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new BankmlException(what + " payload has format version " + version
            + "; this bankml reads version " + FORMAT_VERSION);
      }
      char kind = (char) in.readByte();
      if (kind != expectedKind) {
        throw new BankmlException("payload holds a " + (kind == 'C' ? "classifier" : "clustering")
            + ", expected a " + (expectedKind == 'C' ? "classifier" : "clustering"));
      }
      String algorithm = in.readUTF();
      int cols = in.readInt();
      int length = in.readInt();
      if (cols <= 0 || length <= 0 || length > payload.length) {
        throw new BankmlException(what + " payload is corrupt: bad lengths");
      }
      byte[] proto = in.readNBytes(length);
      int count = in.readInt();
      if (count < 0 || count > payload.length / 4) {
        throw new BankmlException(what + " payload is corrupt: bad label count " + count);
      }
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = in.readInt();
      }
      int extraCount = in.readInt();
      if (extraCount < 0 || extraCount > payload.length / 8) {
        throw new BankmlException(what + " payload is corrupt: bad extra count " + extraCount);
      }
      double[] extras = new double[extraCount];
      for (int i = 0; i < extraCount; i++) {
        extras[i] = in.readDouble();
      }
      Model<?> model = deserialize(what, algorithm, proto);
      return new Decoded(kind, algorithm, cols, model, labels, extras);
    } catch (IOException e) {
      throw new BankmlException(what + " payload is truncated or corrupt: " + e.getMessage(), e);
    }
  }

  private static Model<?> deserialize(String what, String algorithm, byte[] bytes) {
    String expected = MODEL_CLASS.get(algorithm);
    if (expected == null) {
      throw new BankmlException(what + " payload names unknown algorithm '" + algorithm
          + "'; known: " + MODEL_CLASS.keySet());
    }
    try {
      ModelProto proto = ModelProto.parseFrom(bytes);
      if (!proto.getClassName().equals(expected)) {
        throw new BankmlException(what + " payload holds class '" + proto.getClassName()
            + "', refused: algorithm '" + algorithm + "' must be " + expected);
      }
      if (algorithm.equals("random-forest")) {
        WeightedEnsembleModelProto ensemble =
            proto.getSerializedData().unpack(WeightedEnsembleModelProto.class);
        for (ModelProto member : ensemble.getModelsList()) {
          if (!FOREST_MEMBERS.contains(member.getClassName())) {
            throw new BankmlException(what + " payload holds forest member class '"
                + member.getClassName() + "', refused: members must be " + FOREST_MEMBERS);
          }
        }
      }
      return Model.deserialize(proto);
    } catch (InvalidProtocolBufferException e) {
      throw new BankmlException(what + " payload is corrupt: " + e.getMessage(), e);
    } catch (BankmlException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BankmlException(what + " payload could not be read by Tribuo: " + e, e);
    }
  }
}
