package dev.bankml.report;

import java.util.List;

/**
 * The report as one self-contained HTML page: inline style, no script, no external file, font or
 * link; charts are PNG data URIs.
 */
final class ReportPage {
  private static final String STYLE = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1360px; color: #222; padding: 0 1em; }
      h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
      .meta { color: #555; } nav a { margin-right: 1.2em; }
      table.data { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
      table.data th, table.data td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
      table.data th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
      table.small { display: inline-table; vertical-align: top; margin-right: 1em; }
      tr.flag td { background: #fde0dc; } td.error { color: #a00; }
      td.decline { color: #b2182b; font-weight: bold; } td.approve { color: #1a7f37; font-weight: bold; }
      td.review { color: #9a6700; font-weight: bold; }
      .grid { display: flex; flex-wrap: wrap; gap: 12px; } img.chart { max-width: 100%; border: 1px solid #eee; }
      .grid img.chart { width: 640px; } .example { margin: 1em 0; }
      ul.warnings { color: #7a4b00; }
      """;

  private ReportPage() {}

  static String render(String title, List<String> meta, List<Section> sections) {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    for (String m : meta) {
      h.append("<p class=\"meta\">").append(Html.escape(m)).append("</p>\n");
    }
    h.append("<nav>");
    for (Section s : sections) {
      h.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.title())).append("</a>");
    }
    h.append("</nav>\n");
    for (Section s : sections) {
      h.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(Html.escape(s.title())).append("</h2>\n")
          .append(s.html()).append("</section>\n");
    }
    h.append("<footer class=\"meta\"><p>Written by bankml. Charts drawn with XChart.</p></footer>\n</body>\n</html>\n");
    return h.toString();
  }
}
