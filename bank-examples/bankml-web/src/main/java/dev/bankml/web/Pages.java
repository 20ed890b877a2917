package dev.bankml.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The UI's HTML pages: one layout (head, scripts, header and navigation) around each page's own
 * content, put together once when the server starts. The layout is {@code /pages/layout.html};
 * a page's content is {@code /pages/NAME.html} (from {@code <main>} on).
 */
final class Pages {
  /** One page: where it is served, its title, its script and the name of its tab in the navigation. */
  record Page(String path, String title, String script, String tab, String content) {}

  /** Every page, in the order of the navigation. */
  static final List<Page> ALL = List.of(
      new Page("/", "Loan assessment", "loan.js", "Loan", "index.html"),
      new Page("/model.html", "Model", "model.js", "Model", "model.html"),
      new Page("/segments.html", "Segments", "segments.js", "Segments", "segments.html"),
      new Page("/recommendations.html", "Recommendations", "recommendations.js", "Recommendations",
          "recommendations.html"));

  private Pages() {}

  /** Serves every page (the loan page also as {@code /index.html}) to GET and HEAD, uncached like the static files. */
  static void register(Javalin app) {
    for (Page page : ALL) {
      String html = html(page);
      Handler serve = ctx -> ctx.header("Cache-Control", "max-age=0").html(html);
      for (String path : page.path().equals("/") ? List.of("/", "/index.html") : List.of(page.path())) {
        app.get(path, serve);
        app.head(path, serve);
      }
    }
  }

  /** The whole HTML of {@code page}: the layout with its title, script and active tab, then its content. */
  static String html(Page page) {
    String nav = ALL.stream()
        .map(p -> "<a href=\"" + p.path() + "\"" + (p == page ? " class=\"active\"" : "") + ">" + p.tab() + "</a>")
        .collect(Collectors.joining("\n"));
    return resource("layout.html").replace("{{title}}", page.title()).replace("{{script}}", page.script()).replace("{{nav}}", nav)
        + resource(page.content());
  }

  private static String resource(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
      if (in == null) {
        throw new IllegalStateException("page resource /pages/" + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
