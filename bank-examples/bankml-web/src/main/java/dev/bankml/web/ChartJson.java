package dev.bankml.web;

import dev.bankml.report.ChartImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Charts as JSON: {@code [{"id", "title", "src": "data:image/png;base64,…"}]}. */
final class ChartJson {
  private ChartJson() {}

  static List<Map<String, String>> of(List<ChartImage> charts) {
    return charts.stream().map(c -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("title", c.title());
      m.put("src", c.dataUri());
      return m;
    }).toList();
  }
}
