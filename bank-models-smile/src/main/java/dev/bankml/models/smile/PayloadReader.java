package dev.bankml.models.smile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of a format-2 payload (see {@link PayloadFormat}) without trusting them: every
 * count is range-checked, and every array length is checked against the bytes that remain
 * <em>before</em> anything is allocated, so a payload can never make the reader allocate much more
 * memory than its own size. Every refusal is a {@link PayloadException} naming the part and value.
 */
final class PayloadReader {
  private final ByteBuffer in;
  private final String what;

  /** Reads {@code payload} from {@code offset}; {@code what} names it in messages, e.g. "classifier payload". */
  PayloadReader(byte[] payload, int offset, String what) {
    this.in = ByteBuffer.wrap(payload, offset, payload.length - offset);
    this.what = what;
  }

  PayloadException corrupt(String detail) {
    return new PayloadException("the " + what + " is corrupt: " + detail);
  }

  int remaining() {
    return in.remaining();
  }

  /** An int that must lie in {@code [min, max]}. */
  int count(String name, int min, int max) {
    int v = integer(name);
    if (v < min || v > max) {
      throw corrupt(name + " is " + v + "; valid values are " + min + " to " + max);
    }
    return v;
  }

  int integer(String name) {
    need(4, name);
    return in.getInt();
  }

  /** A double that must be finite. */
  double finite(String name) {
    need(8, name);
    double v = in.getDouble();
    if (!Double.isFinite(v)) {
      throw corrupt(name + " is " + v + "; it must be a finite number");
    }
    return v;
  }

  boolean flag(String name) {
    need(1, name);
    byte b = in.get();
    if (b != 0 && b != 1) {
      throw corrupt(name + " is the byte " + b + "; it must be 0 or 1");
    }
    return b == 1;
  }

  /** A short ASCII word of at most {@code maxLength} characters, as written by {@link PayloadWriter#text}. */
  String word(String name, int maxLength) {
    need(2, name);
    int length = Short.toUnsignedInt(in.getShort());
    if (length == 0 || length > maxLength) {
      throw corrupt(name + " has " + length + " characters; at most " + maxLength + " are valid");
    }
    need(length, name);
    byte[] b = new byte[length];
    in.get(b);
    for (byte c : b) {
      if (c < 0x21 || c > 0x7e) {
        throw corrupt(name + " contains the byte " + (c & 0xff) + "; only printable ASCII is valid");
      }
    }
    return new String(b, StandardCharsets.US_ASCII);
  }

  /** {@code n} ints; {@code n} is checked against the remaining bytes before allocating. */
  int[] ints(String name, long n) {
    need(n, 4, name);
    int[] v = new int[(int) n];
    in.asIntBuffer().get(v);
    in.position(in.position() + 4 * v.length);
    return v;
  }

  /** {@code n} doubles; {@code n} is checked against the remaining bytes before allocating. */
  double[] reals(String name, long n) {
    need(n, 8, name);
    double[] v = new double[(int) n];
    in.asDoubleBuffer().get(v);
    in.position(in.position() + 8 * v.length);
    return v;
  }

  /** {@code n} finite doubles. */
  double[] finiteReals(String name, long n) {
    double[] v = reals(name, n);
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw corrupt(name + " [" + i + "] is " + v[i] + "; it must be a finite number");
      }
    }
    return v;
  }

  /** Refuses {@code n} items of {@code width} bytes when fewer bytes remain (or n is negative). */
  void need(long n, int width, String name) {
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw corrupt("it declares " + n + " " + name + ", which is not a valid length");
    }
    if (n * width > in.remaining()) {
      throw corrupt("it declares " + n + " " + name + " (" + n * width + " bytes) but only " + in.remaining()
          + " bytes remain; the payload is truncated or its lengths are wrong");
    }
  }

  private void need(int bytes, String name) {
    if (bytes > in.remaining()) {
      throw corrupt("it ends before " + name + " (" + in.remaining() + " bytes left, " + bytes
          + " needed); the payload is truncated");
    }
  }

  /** Refuses bytes left over after the model. */
  void end() {
    if (in.hasRemaining()) {
      throw corrupt(in.remaining() + " bytes follow the end of the model; the payload is damaged or not"
          + " written by bankml");
    }
  }
}
