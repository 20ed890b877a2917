package dev.bankml.models.smile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the big-endian fields of a format-2 payload (see {@link PayloadFormat}). */
final class PayloadWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(bytes);

  PayloadWriter header(byte[] header) {
    try {
      out.write(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  PayloadWriter text(String s) {
    try {
      out.writeUTF(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  PayloadWriter flag(boolean b) {
    try {
      out.writeByte(b ? 1 : 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  PayloadWriter integer(int v) {
    try {
      out.writeInt(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  PayloadWriter real(double v) {
    try {
      out.writeDouble(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The values only; their count is written separately by the caller, before them. */
  PayloadWriter ints(int[] v) {
    for (int x : v) {
      integer(x);
    }
    return this;
  }

  /** The values only; their count is written separately by the caller, before them. */
  PayloadWriter reals(double[] v) {
    for (double x : v) {
      real(x);
    }
    return this;
  }

  byte[] toByteArray() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
