package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The JSON API under random and damaged request bodies (issue 15): every answer is a 2xx or a 4xx
 * with a JSON error, never a 5xx, each within a time bound, in a test JVM with a 256 MB heap (see
 * this module's pom: {@code Hostile*Test} runs there).
 */
class HostileApiTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String GOOD = FakeSources.GOOD_APPLICANT;
  private static final String CSV = "loan_amount,debt_to_income,purpose,employed,application_date\n"
      + "12000,0.45,home,true,2025-03-01\n3000,0.1,car,false,2024-01-05\n";
  private static WebServer server;
  private static HttpClient http;

  @BeforeContainer
  static void start() {
    server = WebServer.start(FakeSources.all(), "127.0.0.1", 0);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  private static void neverA5xx(String path, String type, byte[] body) {
    assertTimeoutPreemptively(BOUND, () -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.url().resolve(path)).header("Content-Type", type)
          .timeout(BOUND).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("%s %s", path, r.body()).isLessThan(500);
      if (r.statusCode() >= 400) {
        assertThat(r.body()).startsWith("{\"error\":");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      }
    });
  }

  @Property(tries = 300)
  void randomBodiesNeverGetA5xx(@ForAll("bytes") byte[] body, @ForAll("paths") String path) {
    neverA5xx(path, path.contains("batch") ? "text/csv" : "application/json", body);
  }

  @Property(tries = 400)
  void damagedApplicantsNeverGetA5xx(@ForAll("damage") List<Tuple.Tuple3<Integer, Integer, Integer>> edits,
      @ForAll boolean lenient) {
    neverA5xx("/api/score" + (lenient ? "?lenient=true" : ""), "application/json", damaged(GOOD, edits));
  }

  @Property(tries = 300)
  void damagedBatchesNeverGetA5xx(@ForAll("damage") List<Tuple.Tuple3<Integer, Integer, Integer>> edits,
      @ForAll boolean lenient) {
    neverA5xx("/api/score/batch" + (lenient ? "?lenient=true" : ""), "text/csv", damaged(CSV, edits));
  }

  /** {@code text} with edits: overwrite, insert or delete a byte, or insert a token JSON and CSV parsers find hard. */
  private static byte[] damaged(String text, List<Tuple.Tuple3<Integer, Integer, Integer>> edits) {
    String[] hard = {"\"", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\n", "\r", "null", "1e400", "-1e308", "NaN",
      "Infinity", "\"loan_amount\": 1,", "\uFEFF", "<script>", "=cmd|' /C calc'!A0", "[".repeat(2000), "9".repeat(5000)};
    String s = text;
    for (Tuple.Tuple3<Integer, Integer, Integer> e : edits) {
      int at = s.isEmpty() ? 0 : Math.floorMod(e.get2(), s.length());
      int v = e.get3();
      s = switch (Math.floorMod(e.get1(), 4)) {
        case 0 -> s.isEmpty() ? s : s.substring(0, at) + (char) Math.floorMod(v, 0x3000) + s.substring(at + 1);
        case 1 -> s.substring(0, at) + (char) Math.floorMod(v, 0x3000) + s.substring(at);
        case 2 -> s.isEmpty() ? s : s.substring(0, at) + s.substring(at + 1);
        default -> s.substring(0, at) + hard[Math.floorMod(v, hard.length)] + s.substring(at);
      };
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("/api/score", "/api/score?compare=true", "/api/score?lenient=true", "/api/score/batch",
        "/api/score/batch?lenient=true", "/api/score?lenient=maybe");
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Integer, Integer, Integer>>> damage() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers())
        .as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
  }
}
