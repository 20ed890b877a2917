package dev.bankml.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.data.SettingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser UI: its pages ({@link Pages}) and static assets under {@code /} and the JSON API under
 * {@code /api}, served by an embedded Javalin (Jetty) server. Every error is answered as {@code {"error", "field"}} JSON with
 * status 400, 404 or 413 — never a stack trace.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final int WORKER_THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
  private static final String ANSWERED = "bankml.error-answered";

  private final Javalin app;
  private final String host;

  private WebServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts serving {@code sources} on {@code host}:{@code port} (port 0 picks a free one) and
   * returns once the server accepts connections.
   */
  public static WebServer start(UiSources sources, String host, int port) {
    ObjectMapper mapper = mapper();
    RequestBodies bodies = new RequestBodies(mapper);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // A few worker threads per core: scoring is CPU-bound, so hundreds of threads would only
      // add context switches and tail latency under many concurrent clients.
      config.jetty.threadPool = new QueuedThreadPool(WORKER_THREADS, 4, 60_000);
      config.http.maxRequestSize = LoanApi.CSV_LIMIT;
      // Jetty answers some bad requests itself (malformed request line 400, headers too large 431):
      // those answers carry the security headers and the API's JSON error shape too
      config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.Errors()));
      config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new SecurityHeaders.Errors()));
      config.jsonMapper(new JavalinJackson(mapper, false));
      // the chart library (ECharts WebJar) is served from the jar under /webjars/: no CDN, works offline
      config.staticFiles.enableWebjars();
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/web";
        sf.location = Location.CLASSPATH;
      });
    });
    app.before(WebServer::securityHeaders);
    Pages.register(app);
    new LoanApi(sources.scorers(), bodies, sources.dictionary(), sources.applicants()).register(app);
    new ModelApi(sources.insights(), sources.dictionary()).register(app);
    new SegmentsApi(sources.segments(), sources.dictionary()).register(app);
    new RecommendationsApi(sources.recommendations(), sources.segments()).register(app);
    registerErrors(app);
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      SettingException refused = new SettingException("port",
          "could not listen on " + host + ":" + port + " (" + rootMessage(e) + "); choose another port or host");
      refused.initCause(e);
      throw refused;
    }
    LOG.info("bankml UI listening on http://{}:{}/", host, app.port());
    return new WebServer(app, host);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * The JSON mapper of requests and answers: a body with content after its JSON value, or an object
   * naming a key twice, is malformed (400); {@code <}, {@code >} and {@code &} in strings are
   * escaped in answers.
   */
  static ObjectMapper mapper() {
    ObjectMapper m = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    m.getFactory().setCharacterEscapes(new HtmlSafeJson());
    return m;
  }

  private static void securityHeaders(Context ctx) {
    for (String[] h : SecurityHeaders.ALL) {
      ctx.header(h[0], h[1]);
    }
  }

  private static void registerErrors(Javalin app) {
    app.exception(InvalidFieldException.class, (e, ctx) -> {
      error(ctx, 400, e.field(), e.getMessage());
      if (!e.problems().isEmpty()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("field", e.field());
        body.put("problems", e.problems().stream().map(p -> Map.of("field", p.field(), "kind", p.kind().name().toLowerCase(
            java.util.Locale.ROOT), "message", p.message())).toList());
        ctx.json(body);
      }
    });
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), "", e.getMessage()));
    app.exception(dev.bankml.data.BankmlException.class, (e, ctx) -> error(ctx, 400, "", e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "", "internal error; see the server log");
    });
    app.error(404, ctx -> {
      if (ctx.attribute(ANSWERED) == null) {
        error(ctx, 404, "", "no such API endpoint: " + ctx.method() + " " + ctx.path());
      }
    });
  }

  private static void error(Context ctx, int status, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("field", field);
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status).json(body);
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The address to open in a browser, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if (h.equals("0.0.0.0")) {
      h = "127.0.0.1";
    }
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /** Stops the server and releases its port. */
  @Override
  public void close() {
    app.stop();
  }
}
