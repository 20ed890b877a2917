package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests a careless client or an attacker sends get a 4xx JSON answer with the security headers. */
class HostileRequestTest {
  private static final String GOOD = FakeSources.GOOD_APPLICANT;
  private static final String HEADER = "loan_amount,debt_to_income,purpose,employed,application_date";
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final FakeServer server = new FakeServer();

  private static String error(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body()).get("error").asText();
  }

  /** The error message of a request the API refuses as bad input: status 400. */
  private static String refused(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return error(r);
  }

  @Test
  void contentAfterTheJsonObjectIs400() throws Exception {
    assertThat(refused(server.post("/api/score", "application/json", GOOD + " {\"x\": 1}"))).startsWith("malformed JSON");
  }

  @Test
  void aKeyGivenTwiceIs400() throws Exception {
    assertThat(refused(server.post("/api/score", "application/json", GOOD.replace("{", "{\"purpose\": \"car\", "))))
        .startsWith("malformed JSON").contains("Duplicate field 'purpose'");
  }

  @Test
  void deepNestingIs400NotAStackOverflow() throws Exception {
    refused(server.post("/api/score", "application/json", "[".repeat(30_000) + "]".repeat(30_000)));
  }

  @Test
  void invalidUtf8Is400NamingTheByte() throws Exception {
    byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
    body[20] = (byte) 0xff;
    assertThat(refused(server.post("/api/score", "application/json", body)))
        .isEqualTo("the request body is not valid UTF-8 (at byte offset 20); send UTF-8 text");
  }

  @Test
  void aBatchWithAByteOrderMarkIsReadLikeOneWithout() throws Exception {
    String csv = HEADER + "\n12000,0.45,home,true,2025-03-01\n";
    HttpResponse<String> plain = server.post("/api/score/batch", "text/csv", csv);
    HttpResponse<String> bom = server.post("/api/score/batch", "text/csv", "\uFEFF" + csv);
    assertThat(bom.statusCode()).as(bom.body()).isEqualTo(200);
    assertThat(bom.body()).isEqualTo(plain.body());
  }

  @Test
  void downloadedCellsThatASpreadsheetWouldRunAreNeutralisedButNumbersStayNumbers() throws Exception {
    String csv = HEADER + ",note\n12000,0.45,home,true,2025-03-01,=HYPERLINK(\"http://x\")\n-5,0.45,home,true,2025-03-01,@SUM(A1)\n";
    HttpResponse<String> r = server.post("/api/score/batch?lenient=true", "text/csv", csv);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Bankml-Scored")).hasValue("1");
    assertThat(r.headers().firstValue("X-Bankml-Rejected")).hasValue("1");
    String[] lines = r.body().split("\r\n");
    assertThat(lines[0]).endsWith(",rejected_because");
    assertThat(lines[1]).startsWith("12000,0.45,home,true,2025-03-01,\"'=HYPERLINK(\"\"http://x\"\")\",0.");
    assertThat(lines[2]).startsWith("-5,0.45,home,true,2025-03-01,'@SUM(A1),,,,,,,,,")
        .contains("line 3, field 'loan_amount', value '-5': is outside the plausible range");
    assertThat(SpreadsheetText.cell("-5")).isEqualTo("-5");
    assertThat(SpreadsheetText.cell("+1.5e3")).isEqualTo("+1.5e3");
    assertThat(SpreadsheetText.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetText.cell("-" + "1".repeat(200_000) + "x")).startsWith("'-1");
  }

  @Test
  void strictBatchNamesAnUnknownColumn() throws Exception {
    assertThat(refused(server.post("/api/score/batch", "text/csv", HEADER + ",note\n12000,0.45,home,true,2025-03-01,x\n")))
        .startsWith("line 1, column 'note': is not a column of this model");
  }

  @Test
  void jettysOwnErrorAnswersCarryTheSecurityHeaders() throws Exception {
    String badLine = raw("GARBAGE\r\n\r\n");
    assertThat(badLine).startsWith("HTTP/1.1 400");
    assertSecurityHeaders(badLine);
    String hugeHeader = raw("GET /api/schema HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n");
    assertThat(hugeHeader).startsWith("HTTP/1.1 431");
    assertSecurityHeaders(hugeHeader);
  }

  @Test
  void everyApiAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", "/api/schema", "/api/nothing"}) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
  }

  private static void assertSecurityHeaders(String response) {
    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
    assertThat(head).contains("content-security-policy: default-src 'self'", "x-content-type-options: nosniff",
        "x-frame-options: deny", "referrer-policy: no-referrer");
  }

  /** One raw HTTP exchange: what a client that does not speak HTTP properly gets back. */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          got.write(buf, 0, n);
          if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && got.size() > 0 && done(got)) {
            break;
          }
        }
      } catch (java.net.SocketException e) {
        // the server may close after answering; what was read is the answer
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean done(ByteArrayOutputStream got) {
    String text = got.toString(StandardCharsets.ISO_8859_1);
    int head = text.indexOf("\r\n\r\n");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, head));
    return m.find() && text.length() - head - 4 >= Integer.parseInt(m.group(1));
  }
}
