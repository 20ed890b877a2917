package dev.bankml.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The part files of a table written by the generate job, joined back into one CSV text. */
final class GeneratedParts {
  private GeneratedParts() {}

  /** The header once, then every part's rows in partition order. */
  static String concatenate(Path tableDir) throws IOException {
    List<Path> parts;
    try (Stream<Path> s = Files.list(tableDir)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-"))
          .sorted(Comparator.comparingInt(GeneratedParts::partition)).toList();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String text = Files.readString(parts.get(i));
      out.append(i == 0 ? text : text.substring(text.indexOf('\n') + 1));
    }
    return out.toString();
  }

  private static int partition(Path part) {
    String name = part.getFileName().toString(); // part-00012-<uuid>.c000.txt
    return Integer.parseInt(name.substring(5, name.indexOf('-', 5)));
  }
}
