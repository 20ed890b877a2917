package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.ChecksummedPayload;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The XGBoost backend's persistent form: XGBoost's own JSON model inside a small checksummed
 * envelope. No Java serialisation.
 *
 * <pre>
 * magic "BKMLXGBM" | format version (int, 1) | algorithm (UTF) | feature count (int)
 * | model length (int) | XGBoost JSON model (UTF-8) | CRC-32 of all the above (long)
 * </pre>
 *
 * Reading refuses payloads larger than {@link #MAX_BYTES}, checks the checksum before parsing
 * anything, and parses and checks the JSON in Java (sizes, tree structure) before XGBoost's native
 * code ever sees it.
 */
final class XgboostPayload {
  static final int FORMAT_VERSION = 1;
  /** Largest payload read: 512 MiB (a 1,000-tree, depth-12 forest on 100 features is ~150 MiB of JSON). */
  static final int MAX_BYTES = 512 << 20;
  private static final byte[] MAGIC = "BKMLXGBM".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_MIN = MAGIC.length + 4 + 2 + 4 + 4;

  /** A decoded payload. */
  record Decoded(String algorithm, int cols, byte[] json) {}

  private XgboostPayload() {}

  static byte[] encode(String algorithm, int cols, byte[] json) {
    return ChecksummedPayload.write(json.length + 64, out -> {
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(algorithm);
      out.writeInt(cols);
      out.writeInt(json.length);
      out.write(json);
    });
  }

  static Decoded decode(byte[] payload) {
    if (payload.length > MAX_BYTES) {
      throw new BankmlException("XGBoost classifier payload is " + payload.length + " bytes; the limit is " + MAX_BYTES);
    }
    if (payload.length < HEADER_MIN + 8 || !Arrays.equals(Arrays.copyOf(payload, MAGIC.length), MAGIC)) {
      throw new BankmlException("XGBoost classifier payload is not a bankml XGBoost model (bad header or too short: "
          + payload.length + " bytes)");
    }
    if (!ChecksummedPayload.intact(payload)) {
      throw new BankmlException("XGBoost classifier payload is corrupt: checksum mismatch");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, 0, payload.length - 8))) {
      in.skipBytes(MAGIC.length);
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new BankmlException("XGBoost classifier payload has format version " + version
            + "; this bankml reads version " + FORMAT_VERSION);
      }
      String algorithm = in.readUTF();
      int cols = in.readInt();
      int length = in.readInt();
      if (cols <= 0 || length <= 0 || length != in.available()) {
        throw new BankmlException("XGBoost classifier payload is corrupt: " + cols + " features, model of "
            + length + " bytes where " + in.available() + " remain");
      }
      return new Decoded(algorithm, cols, in.readNBytes(length));
    } catch (IOException e) {
      throw new BankmlException("XGBoost classifier payload is truncated or corrupt: " + e.getMessage(), e);
    }
  }
}
