package dev.bankml.data.io;

/** What a reader does with a bad row. */
public enum ReadMode {
  /** Throw a {@link CsvFormatException} at the first bad row. */
  STRICT,
  /** Skip bad rows and report them; a missing column or an empty file still throws. */
  LENIENT
}
