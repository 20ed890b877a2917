package dev.bankml.models.spi;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The in-memory envelope a backend wraps around its model bytes: whatever the backend writes,
 * followed by the CRC-32 of those bytes as a big-endian {@code long}. The backend keeps its own
 * header and messages; the writing and the checksum live here once.
 */
public final class ChecksummedPayload {
  /** Bytes the checksum takes at the end of a payload. */
  public static final int CHECKSUM_BYTES = Long.BYTES;

  /** What a backend writes before the checksum. */
  @FunctionalInterface
  public interface Body {
    /** Writes the payload's bytes to {@code out}. */
    void writeTo(DataOutputStream out) throws IOException;
  }

  private ChecksummedPayload() {}

  /** The bytes {@code body} writes followed by their CRC-32; {@code expectedBytes} sizes the buffer. */
  public static byte[] write(int expectedBytes, Body body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, expectedBytes + CHECKSUM_BYTES));
      DataOutputStream out = new DataOutputStream(bytes);
      body.writeTo(out);
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /**
   * Whether the last {@link #CHECKSUM_BYTES} bytes of {@code payload} are the CRC-32 of the bytes
   * before them; false for a payload shorter than the checksum.
   */
  public static boolean intact(byte[] payload) {
    int end = payload.length - CHECKSUM_BYTES;
    if (end < 0) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(payload, 0, end);
    return ByteBuffer.wrap(payload, end, CHECKSUM_BYTES).getLong() == crc.getValue();
  }
}
