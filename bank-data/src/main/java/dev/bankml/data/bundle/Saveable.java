package dev.bankml.data.bundle;

import java.nio.file.Path;

/**
 * A fitted object that saves itself as a bundle: the {@code save} half of the verb set shared by
 * loan models, segmentations and recommenders (each class has the matching static {@code load}).
 */
public interface Saveable {
  /**
   * Writes this object as a bundle to {@code file}, atomically, signed with the signing key of
   * {@link BundleKeys#defaults()} (created on first use).
   *
   * @throws dev.bankml.data.BankmlException naming the file if it cannot be written
   */
  default void save(Path file) {
    save(file, BundleKeys.defaults());
  }

  /**
   * As {@link #save(Path)}, signed with the signing key of {@code keys} (unsigned if it has none).
   *
   * @throws dev.bankml.data.BankmlException naming the file if it cannot be written
   */
  void save(Path file, BundleKeys keys);
}
