package dev.bankml.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The web server over {@link FakeSources#all()} on a free 127.0.0.1 port for the tests of one class,
 * and the requests they send it. Register with
 * {@code @RegisterExtension static final FakeServer server = new FakeServer();}.
 */
final class FakeServer implements BeforeAllCallback, AfterAllCallback {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private WebServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = WebServer.start(FakeSources.all(), "127.0.0.1", 0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  URI url() {
    return server.url();
  }

  int port() {
    return server.port();
  }

  /** {@code GET path} of {@code base} (this server, or another one a test started). */
  static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(url(), path);
  }

  /** {@code POST path} with {@code body} as {@code type}. */
  HttpResponse<String> post(String path, String type, byte[] body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url().resolve(path)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
    return post(path, type, body.getBytes(StandardCharsets.UTF_8));
  }
}
