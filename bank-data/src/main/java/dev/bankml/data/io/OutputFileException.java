package dev.bankml.data.io;

import dev.bankml.data.BankmlException;
import java.nio.file.Path;

/**
 * An output file that cannot be written: the path is a directory or not a regular file, its folder
 * cannot be created, or the disk refused the bytes. Names the file.
 */
public final class OutputFileException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** {@code file} cannot be written because of {@code problem} (e.g. "is a directory"). */
  public OutputFileException(Path file, String problem) {
    super("cannot write " + file + ": " + problem);
    this.file = file;
  }

  /** {@code file} cannot be written because of {@code problem}, caused by {@code cause}. */
  public OutputFileException(Path file, String problem, Throwable cause) {
    super("cannot write " + file + ": " + problem, cause);
    this.file = file;
  }

  /** The file that was not written. */
  public Path file() {
    return file;
  }
}
