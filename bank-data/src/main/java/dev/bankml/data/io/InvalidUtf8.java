package dev.bankml.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a file stops being valid UTF-8: the byte offset of the first byte that does not decode,
 * the line it is on, and the byte itself. Readers decode strictly (never turning bad bytes into
 * U+FFFD) and, when decoding fails, use this to say where.
 *
 * @param offset the 0-based byte offset of the first invalid byte
 * @param line the 1-based line holding it
 * @param value the invalid byte, 0–255
 */
public record InvalidUtf8(long offset, long line, int value) {
  /** The first invalid UTF-8 byte of {@code file}, if any (a read failure is an {@link UncheckedIOException}). */
  public static Optional<InvalidUtf8> find(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return find(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The first invalid UTF-8 byte of {@code in}, read to the end or to that byte. */
  public static Optional<InvalidUtf8> find(InputStream in) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long consumed = 0;
    long lines = 1;
    boolean end = false;
    while (!end) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      int start = bytes.position();
      CoderResult r = decoder.decode(bytes, chars, end);
      for (int i = start; i < bytes.position(); i++) {
        if (bytes.get(i) == '\n') {
          lines++;
        }
      }
      if (r.isError()) {
        long at = consumed + bytes.position() - start;
        return Optional.of(new InvalidUtf8(at, lines, bytes.get(bytes.position()) & 0xff));
      }
      consumed += bytes.position() - start;
      chars.clear();
      bytes.compact();
    }
    return Optional.empty();
  }

  /** The problem in words, e.g. {@code not valid UTF-8: byte 0xFF at byte offset 57; save the file as UTF-8}. */
  public String problem() {
    return String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at byte offset %d; save the file as UTF-8", value, offset);
  }
}
