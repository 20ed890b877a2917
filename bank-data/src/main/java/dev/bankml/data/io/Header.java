package dev.bankml.data.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column positions of a file's header, checked against the columns a table needs. */
final class Header {
  private final Map<String, Integer> index = new HashMap<>();
  private final int size;

  Header(Path file, List<String> cells, List<String> required) {
    size = cells.size();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (index.putIfAbsent(name, i) != null) {
        throw new CsvFormatException(file, 1, name, "", "column appears twice in the header");
      }
    }
    for (String column : required) {
      if (!index.containsKey(column)) {
        throw new CsvFormatException(file, 1, column, "",
            "missing column; the header must contain " + String.join(",", required));
      }
    }
  }

  int index(String column) {
    return index.get(column);
  }

  int size() {
    return size;
  }
}
