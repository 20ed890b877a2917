package dev.bankml.data.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The one way bankml writes a file: into a temporary file in the target's folder, flushed to disk
 * ({@code fsync}), then renamed over the target in one atomic step. A reader sees the old file or
 * the complete new one, never half a file; a failure leaves the old file untouched and no temporary
 * file behind.
 *
 * <ul>
 *   <li>A target that is a directory (or anything but a regular file) is never deleted or replaced:
 *       the write is refused with "is a directory" / "is not a regular file".
 *   <li>A replaced file keeps its permissions (a 0644 file stays 0644). A new file gets the
 *       permissions the process's umask gives any new file, except {@link #writeSecret secrets},
 *       which are 0600.
 *   <li>Missing parent folders are created.
 * </ul>
 *
 * Every writer in bankml (CSV tables, bundles, predictions, reports, caches) goes through here.
 */
public final class AtomicFile {
  /** What goes into the file; the stream is buffered, and closed by {@link AtomicFile} (closing it early is harmless). */
  @FunctionalInterface
  public interface Body {
    /** Writes the file's bytes to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** What goes into a text file; the writer is UTF-8, buffered and closed by {@link AtomicFile}. */
  @FunctionalInterface
  public interface Text {
    /** Writes the file's characters to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFile() {}

  /** Writes {@code bytes} to {@code file}. */
  public static void write(Path file, byte[] bytes) {
    write(file, out -> out.write(bytes));
  }

  /** Writes {@code text} to {@code file} as UTF-8. */
  public static void writeString(Path file, CharSequence text) {
    writeText(file, w -> w.append(text));
  }

  /** Writes the characters {@code body} produces to {@code file} as UTF-8. */
  public static void writeText(Path file, Text body) {
    write(file, out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      body.writeTo(w);
      w.flush();
    });
  }

  /** Writes the bytes {@code body} produces to {@code file}. */
  public static void write(Path file, Body body) {
    write(file, body, false);
  }

  /**
   * Writes a secret (e.g. a signing key) to {@code file}: as {@link #write(Path, Body)}, but the
   * file is readable and writable by its owner only (0600), whether new or replaced.
   */
  public static void writeSecret(Path file, Body body) {
    write(file, body, true);
  }

  private static void write(Path file, Body body, boolean secret) {
    Path target = file.toAbsolutePath();
    Optional<Set<PosixFilePermission>> kept = checkTarget(file, target);
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = createTemp(dir, target.getFileName().toString(), secret);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            out.flush(); // a body that closes its stream (e.g. Jackson's writeValue) must not close the file before fsync
          }
        });
        out.flush();
        ch.force(true);
      }
      if (secret) {
        setPermissions(tmp, OWNER_ONLY);
      } else if (kept.isPresent()) {
        setPermissions(tmp, kept.get());
      }
      move(file, tmp, target);
      tmp = null;
      syncDirectory(dir);
    } catch (UncheckedIOException e) {
      throw new OutputFileException(file, message(e.getCause()), e.getCause());
    } catch (IOException e) {
      throw new OutputFileException(file, message(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the write already failed and says why
        }
      }
    }
  }

  /** Refuses directories and special files; the permissions of a regular file being replaced. */
  private static Optional<Set<PosixFilePermission>> checkTarget(Path file, Path target) {
    if (Files.isDirectory(target)) {
      throw new OutputFileException(file, "is a directory");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(target)) {
      throw new OutputFileException(file, "is not a regular file");
    }
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      return view == null ? Optional.empty() : Optional.of(view.readAttributes().permissions());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A new empty file beside the target with the umask's permissions (or 0600 for a secret). */
  private static Path createTemp(Path dir, String name, boolean secret) throws IOException {
    String base = "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
    for (int attempt = 0; ; attempt++) {
      byte[] r = new byte[6];
      RANDOM.nextBytes(r);
      Path tmp = dir.resolve(base + HexFormat.of().formatHex(r) + ".tmp");
      try {
        if (secret && posix(dir)) {
          return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static boolean posix(Path dir) {
    return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
  }

  private static void setPermissions(Path file, Set<PosixFilePermission> permissions) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, permissions);
    }
  }

  private static void move(Path file, Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new OutputFileException(file, "its file system cannot replace a file atomically", e);
    } catch (FileSystemException e) {
      // a directory created at the target after the check: rename(2) refuses to replace it
      if (Files.isDirectory(target)) {
        throw new OutputFileException(file, "is a directory", e);
      }
      throw e;
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort
    }
  }

  private static String message(Throwable e) {
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder " + n.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied (" + a.getFile() + ")";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
