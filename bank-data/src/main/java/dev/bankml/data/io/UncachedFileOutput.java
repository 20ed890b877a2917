package dev.bankml.data.io;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file written past the page cache (direct I/O) where the file system allows it, else through an
 * ordinary buffered stream. For files of gigabytes written once in a stream, such as a generated
 * bank: the data goes to the device in large aligned blocks instead of being copied into freshly
 * allocated cache pages, which on some machines (virtual machines that return freed memory to
 * their host) costs more CPU than making the data. The bytes of the file are the same either way.
 *
 * <p>Only whole aligned blocks are written directly; {@link #flush()} keeps the partial last block
 * in memory, and {@link #close()} appends it through an ordinary channel.
 */
final class UncachedFileOutput extends OutputStream {
  private static final Logger LOG = LoggerFactory.getLogger(UncachedFileOutput.class);
  private static final int BUFFER = 1 << 22;

  private final Path file;
  private final FileChannel channel;
  private final int align;
  private final ByteBuffer buffer;
  private boolean closed;
  private long written;
  /** Where the bytes go once a direct write was refused before any succeeded. */
  private OutputStream fallback;

  private UncachedFileOutput(Path file, FileChannel channel, int align) {
    this.file = file;
    this.channel = channel;
    this.align = align;
    this.buffer = ByteBuffer.allocateDirect(BUFFER + align).alignedSlice(align);
  }

  /** Opens {@code file} (replacing it) for writing, past the page cache when possible. */
  static OutputStream open(Path file) throws IOException {
    FileChannel channel;
    int align;
    try {
      align = (int) Math.max(4096, Files.getFileStore(file.toAbsolutePath().getParent()).getBlockSize());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      LOG.debug("direct I/O not available for {} ({}); writing through the page cache", file, e.toString());
      return buffered(file);
    }
    if (BUFFER % align != 0) {
      channel.close();
      return buffered(file);
    }
    return new UncachedFileOutput(file, channel, align);
  }

  private static OutputStream buffered(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  @Override
  public void write(int b) throws IOException {
    if (fallback != null) {
      fallback.write(b);
      return;
    }
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (fallback != null) {
      fallback.write(b, off, len);
      return;
    }
    while (len > 0) {
      if (fallback != null) {
        fallback.write(b, off, len);
        return;
      }
      if (!buffer.hasRemaining()) {
        drain();
      }
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /** Writes the whole aligned blocks in the buffer and keeps the rest at its start. */
  private void drain() throws IOException {
    int whole = buffer.position() / align * align;
    if (whole == 0) {
      return;
    }
    buffer.flip();
    int end = buffer.limit();
    buffer.limit(whole);
    try {
      while (buffer.hasRemaining()) {
        written += channel.write(buffer);
      }
    } catch (IOException e) {
      if (written > 0) {
        throw e;
      }
      // the file system took the option but refuses the writes: start again through the page cache
      LOG.debug("direct writes refused for {} ({}); writing through the page cache", file, e.toString());
      channel.close();
      fallback = buffered(file);
      buffer.rewind();
      buffer.limit(end);
      while (buffer.hasRemaining()) {
        fallback.write(buffer.get());
      }
      buffer.clear();
      return;
    }
    buffer.limit(end);
    buffer.compact();
  }

  /** Keeps the partial last block: direct writes must be whole blocks. */
  @Override
  public void flush() {
    // nothing to do: the bytes reach the file in order, whole blocks now and the rest on close
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (fallback == null) {
      try (channel) {
        drain();
      }
    }
    if (fallback != null) {
      fallback.close();
      return;
    }
    if (buffer.position() > 0) {
      buffer.flip();
      try (FileChannel tail = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        while (buffer.hasRemaining()) {
          tail.write(buffer);
        }
      }
    }
  }
}
