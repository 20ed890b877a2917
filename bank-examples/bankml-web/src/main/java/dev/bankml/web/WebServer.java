package dev.bankml.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The browser UI: static pages under {@code /} and the JSON API under {@code /api}, served by an
 * embedded Javalin (Jetty) server. Every error is answered as {@code {"error", "field"}} JSON with
 * status 400, 404 or 413 — never a stack trace.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

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
    ObjectMapper mapper = new ObjectMapper();
    RequestBodies bodies = new RequestBodies(mapper);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // A few worker threads per core: scoring is CPU-bound, so hundreds of threads would only
      // add context switches and tail latency under many concurrent clients.
      config.jetty.threadPool = new QueuedThreadPool(WORKER_THREADS, 4, 60_000);
      config.http.maxRequestSize = LoanApi.CSV_LIMIT;
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
    new LoanApi(sources.scorers(), bodies, sources.dictionary(), sources.applicants()).register(app);
    new ModelApi(sources.insights(), sources.dictionary()).register(app);
    new SegmentsApi(sources.segments(), sources.dictionary()).register(app);
    new RecommendationsApi(sources.recommendations(), sources.segments()).register(app);
    registerErrors(app);
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      throw new dev.bankml.data.BankmlException(
          "could not listen on " + host + ":" + port + " (" + rootMessage(e) + "); choose another --port or --host", e);
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

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }

  private static void registerErrors(Javalin app) {
    app.exception(InvalidFieldException.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
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
