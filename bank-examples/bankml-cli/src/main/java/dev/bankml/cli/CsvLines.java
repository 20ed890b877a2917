package dev.bankml.cli;

import java.util.List;

/** One CSV line of the files the commands write (RFC 4180 quoting, {@code \n} line ends). */
final class CsvLines {
  private CsvLines() {}

  static String line(List<String> cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        s.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        s.append(c);
      }
    }
    return s.append('\n').toString();
  }
}
