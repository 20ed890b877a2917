package dev.bankml.data.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Hostile bundles made the way an attacker would: entries edited with their digests recomputed,
 * signatures stripped, zip headers patched to lie about sizes or names. Shared with other modules'
 * tests through this module's test jar.
 */
public final class CraftedBundles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CraftedBundles() {}

  /** A zip of {@code entries} in order, deflated; names are written as given (no checks). */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Every entry of the zip {@code file}, read without limits (test inputs only). */
  public static Map<String, byte[]> entries(Path file) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        out.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Writes to {@code out} the bundle {@code in} with {@code edit} applied to its entries and the
   * digests in {@code signature.json} recomputed; the old signature is kept ({@code resign} false:
   * what an attacker without the key can do) or removed (the bundle then claims to be unsigned).
   */
  public static void rewrite(Path in, Path out, Consumer<Map<String, byte[]>> edit, boolean keepSignature) {
    Map<String, byte[]> entries = entries(in);
    edit.accept(entries);
    try {
      ObjectNode sig = (ObjectNode) JSON.readTree(entries.get(Bundle.SIGNATURE));
      ObjectNode digests = JSON.createObjectNode();
      for (var e : entries.entrySet()) {
        if (!e.getKey().equals(Bundle.SIGNATURE)) {
          digests.put(e.getKey(), Bundle.sha256Hex(e.getValue()));
        }
      }
      sig.set("digests", digests);
      if (!keepSignature) {
        sig.put("algorithm", "none");
        sig.put("key_id", "");
        sig.put("signature", "");
      }
      Map<String, byte[]> rebuilt = new LinkedHashMap<>(entries);
      rebuilt.remove(Bundle.SIGNATURE);
      rebuilt.put(Bundle.SIGNATURE, JSON.writeValueAsBytes(sig));
      Files.write(out, zip(rebuilt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes to {@code file} a zip whose single entry {@code name} inflates to {@code mebibytes} MiB
   * of zeros and honestly declares that size: the classic zip bomb (1 GiB from about 1 MB). Made
   * without compressing the gigabyte: one MiB of zeros deflated with a full flush (which resets the
   * compressor) gives the same bytes every time, so the stream is that block repeated.
   */
  public static void writeZeroBomb(Path file, String name, int mebibytes) {
    byte[] zeros = new byte[1 << 20];
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] block = deflate(d, zeros, Deflater.FULL_FLUSH);
    if (!java.util.Arrays.equals(block, deflate(d, zeros, Deflater.FULL_FLUSH))) {
      throw new IllegalStateException("deflate blocks after a full flush differ; cannot repeat them");
    }
    d.finish();
    byte[] end = deflate(d, new byte[0], Deflater.NO_FLUSH);
    d.end();
    CRC32 crc = new CRC32();
    for (int i = 0; i < mebibytes; i++) {
      crc.update(zeros);
    }
    long size = (long) mebibytes << 20;
    long compressed = (long) block.length * mebibytes + end.length;
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteBuffer local = header(30 + n.length, 0x04034b50, crc.getValue(), compressed, size, n);
      out.write(local.array());
      for (int i = 0; i < mebibytes; i++) {
        out.write(block);
      }
      out.write(end);
      long cdOffset = local.capacity() + compressed;
      ByteBuffer central = header(46 + n.length, 0x02014b50, crc.getValue(), compressed, size, n);
      out.write(central.array());
      ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
          .putInt(central.capacity()).putInt((int) cdOffset).putShort((short) 0);
      out.write(eocd.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] deflate(Deflater d, byte[] input, int flush) {
    d.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int n;
    do {
      n = d.deflate(buf, 0, buf.length, flush);
      out.write(buf, 0, n);
    } while (n > 0 || !d.needsInput() || (flush == Deflater.NO_FLUSH && !d.finished()));
    return out.toByteArray();
  }

  /** A local (30-byte) or central (46-byte) zip header of a deflated entry, before its name. */
  private static ByteBuffer header(int length, int signature, long crc, long compressed, long size, byte[] name) {
    boolean central = signature == 0x02014b50;
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(signature);
    if (central) {
      b.putShort((short) 20);
    }
    b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
        .putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) name.length).putShort((short) 0);
    if (central) {
      b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0);
    }
    b.put(name);
    return b;
  }

  /** {@code text} as UTF-8. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code zip} with the uncompressed size that the local and central headers of entry
   * {@code name} declare set to {@code size} (at most 0xFFFFFFFE; no zip64).
   */
  public static byte[] withDeclaredSize(byte[] zip, String name, long size) {
    byte[] out = zip.clone();
    patch(out, name, 0x04034b50, 22, 26, 30, (int) size);
    patch(out, name, 0x02014b50, 24, 28, 46, (int) size);
    return out;
  }

  /** {@code zip} with every header naming {@code from} renamed {@code to} (same length), e.g. to make duplicates. */
  public static byte[] withRenamedEntry(byte[] zip, String from, String to) {
    if (from.length() != to.length()) {
      throw new IllegalArgumentException("names must have the same length");
    }
    byte[] out = zip.clone();
    byte[] f = from.getBytes(StandardCharsets.UTF_8);
    byte[] t = to.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + f.length <= out.length; i++) {
      if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, out, i, t.length);
      }
    }
    return out;
  }

  /** Patches the 4-byte field at {@code field} of each header with {@code signature} whose name is {@code name}. */
  private static void patch(byte[] zip, String name, int signature, int field, int nameLengthAt, int nameAt, int value) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + nameAt + n.length <= zip.length; i++) {
      if (b.getInt(i) == signature && (b.getShort(i + nameLengthAt) & 0xffff) == n.length
          && java.util.Arrays.equals(zip, i + nameAt, i + nameAt + n.length, n, 0, n.length)) {
        b.putInt(i + field, value);
      }
    }
  }
}
