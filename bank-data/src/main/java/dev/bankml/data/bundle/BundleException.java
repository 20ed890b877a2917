package dev.bankml.data.bundle;

import dev.bankml.data.BankmlException;
import java.nio.file.Path;

/**
 * A bundle (a saved loan model, segmentation or recommender) that bankml refuses to load or cannot
 * save. The message names the file, the entry inside it when one is at fault, and what is wrong.
 * The subclasses say which kind of refusal it is.
 */
public class BundleException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String entry;
  private final String problem;

  BundleException(Path file, String entry, String problem, Throwable cause) {
    super("refused bundle " + file + (entry.isEmpty() ? "" : ", entry '" + Names.shown(entry) + "'") + ": " + problem,
        cause);
    this.file = String.valueOf(file);
    this.entry = entry;
    this.problem = problem;
  }

  /** The bundle file. */
  public String file() {
    return file;
  }

  /** The entry inside the bundle at fault; empty when the whole file is. */
  public String entry() {
    return entry;
  }

  /** What is wrong, without the file and entry. */
  public String problem() {
    return problem;
  }
}
