package dev.bankml.models.smile;

/** A model of this backend that can be written as a format-2 payload (see {@link PayloadFormat}). */
interface StoredModel {
  /** The algorithm name, which heads the payload body. */
  String algorithm();

  /** Writes the model's plain data, read back by the algorithm's {@code read(PayloadReader)}. */
  void write(PayloadWriter out);
}
