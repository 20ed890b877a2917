package dev.bankml.data.io;

import java.util.List;

/** The records read from one CSV file and the rows skipped in lenient mode (none in strict mode). */
public record CsvRead<T>(List<T> records, List<SkippedRow> skipped) {

  /** Copies both lists. */
  public CsvRead {
    records = List.copyOf(records);
    skipped = List.copyOf(skipped);
  }
}
