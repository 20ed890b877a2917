package dev.bankml.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The headers every response carries — pages, API answers, and the errors Jetty answers itself
 * before a request reaches the application (a malformed request line: 400; headers too large:
 * 431) — and the error handler that adds them there, answering in the API's JSON error shape.
 */
final class SecurityHeaders {
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private SecurityHeaders() {}

  /** The header names and values, in pairs. */
  static final String[][] ALL = {
    {"Content-Security-Policy", CSP},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
  };

  /** Jetty's error handler with the security headers and a JSON body. */
  static final class Errors extends ErrorHandler {
    Errors() {
      setShowStacks(false);
      setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      for (String[] h : ALL) {
        fields.put(h[0], h[1]);
      }
      fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
      return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(String target, Request baseRequest, jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response) throws IOException {
      for (String[] h : ALL) {
        response.setHeader(h[0], h[1]);
      }
      Object message = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE);
      response.setContentType("application/json;charset=utf-8");
      response.getWriter().write(body(response.getStatus(), message == null ? null : message.toString()));
      baseRequest.setHandled(true);
    }

    private static String body(int status, String reason) {
      String text = reason == null || reason.isBlank() ? "HTTP " + status : reason;
      StringBuilder s = new StringBuilder("{\"error\":\"");
      for (char c : dev.bankml.models.schema.InputProblem.clip(text).toCharArray()) {
        if (c == '"' || c == '\\' || c < 0x20 || c == '<' || c == '>' || c == '&') {
          s.append(String.format("\\u%04x", (int) c));
        } else {
          s.append(c);
        }
      }
      return s.append("\",\"field\":\"\"}").toString();
    }
  }
}
