package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD = FakeSources.GOOD_APPLICANT;
  @RegisterExtension static final FakeServer server = new FakeServer();

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  /** The JSON answer to a request the API refuses as bad input: status 400. */
  private static JsonNode refused(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return json(r);
  }

  @Test
  void bindsToLoopbackAndServesTheLoanPage() throws Exception {
    assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    HttpResponse<String> page = server.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form id=\"loan-form\"");
    assertThat(server.get("/index.html").body()).isEqualTo(page.body());
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'"));
  }

  @Test
  void schemaListsEveryFieldWithTypeRangeAndLevels() throws Exception {
    JsonNode body = json(server.get("/api/schema"));
    JsonNode fields = body.get("fields");
    assertThat(fields).hasSize(5);
    assertThat(fields.get(0).get("name").asText()).isEqualTo("loan_amount");
    assertThat(fields.get(0).get("type").asText()).isEqualTo("number");
    assertThat(fields.get(0).get("min").asDouble()).isEqualTo(500);
    assertThat(fields.get(0).get("max").asDouble()).isEqualTo(50_000);
    assertThat(fields.get(2).get("type").asText()).isEqualTo("category");
    assertThat(fields.get(2).get("levels")).extracting(JsonNode::asText).containsExactly("car", "home", "education");
    assertThat(fields.get(3).get("type").asText()).isEqualTo("boolean");
    assertThat(fields.get(4).get("type").asText()).isEqualTo("date");
    assertThat(fields.get(4).get("min").asText()).isEqualTo("2020-01-01");
    assertThat(body.get("models")).hasSize(2);
    assertThat(fields).extracting(f -> f.get("label").asText())
        .containsExactly("Loan amount", "Debt-to-income ratio", "Purpose", "Employed", "Application date");
    assertThat(fields.get(1).get("group").asText()).isEqualTo("Credit history");
    assertThat(fields.get(1).get("unit").asText()).isEqualTo("ratio");
    assertThat(fields.get(3).get("levelLabels").get("true").asText()).isEqualTo("Yes");
    assertThat(body.get("groups")).extracting(g -> g.get("name").asText())
        .containsExactly("Application", "Credit history", "Other");
    assertThat(body.get("customerFill").get("asOf").asText()).isEqualTo("2025-01-01");
  }

  @Test
  void everyModelAnswersWithReasonsAndContributionsWhenCompared() throws Exception {
    HttpResponse<String> r = server.post("/api/score?compare=true", "application/json",
        "{\"loan_amount\": 10000, \"debt_to_income\": 0.8, \"purpose\": \"car\", \"employed\": true,"
            + " \"application_date\": \"2024-06-01\"}");
    JsonNode models = json(r).get("models");
    assertThat(models).hasSize(2);
    assertThat(models.get(1).get("model").asText()).isEqualTo("fake · forest");
    assertThat(models.get(0).get("reasons").get(0).get("label").asText()).isEqualTo("Debt-to-income ratio");
    assertThat(models.get(0).get("contributions")).hasSize(4);
    assertThat(models.get(0).get("contributions").get(0).get("label").asText()).isEqualTo("Debt-to-income ratio");
  }

  @Test
  void scoreAnswersProbabilityDecisionScoreGradeAndReasons() throws Exception {
    HttpResponse<String> r = server.post("/api/score", "application/json", GOOD);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.has("models")).isFalse();
    body = json(server.post("/api/score?compare=true", "application/json", GOOD));
    assertThat(body.get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(body.get("decision").asText()).isIn("approve", "review", "decline");
    assertThat(body.get("score").isNumber()).isTrue();
    assertThat(body.get("grade").asText()).isNotEmpty();
    assertThat(body.get("reasons").get(0).get("text").asText()).isEqualTo("Debt-to-income ratio too high");
    // how big: the applicant's value and the points it costs (50 / ln 2 × 0.6 log-odds ≈ 43)
    assertThat(body.get("reasons").get(0).get("value").asText()).isEqualTo("0.45");
    assertThat(body.get("reasons").get(0).get("points").asLong()).isEqualTo(43);
    assertThat(body.get("models")).hasSize(2);
    assertThat(body.get("models").get(1).get("model").asText()).isEqualTo("fake · forest");
  }

  @Test
  void numbersSentAsTextAreAcceptedLikeNumbers() throws Exception {
    String asText = GOOD.replace("12000", "\"12000\"");
    assertThat(json(server.post("/api/score", "application/json", asText)).get("probability").asDouble())
        .isEqualTo(json(server.post("/api/score", "application/json", GOOD)).get("probability").asDouble());
  }

  @Test
  void outOfRangeValueIs400NamingTheFieldAndValidRange() throws Exception {
    JsonNode body = refused(server.post("/api/score", "application/json", GOOD.replace("0.45", "7")));
    assertThat(body.get("field").asText()).isEqualTo("debt_to_income");
    assertThat(body.get("error").asText()).isEqualTo("field 'debt_to_income', value '7': is outside the plausible range"
        + " from 0 to 1.5 (the training data went from 0 to 1.5)");
    assertThat(body.get("problems").get(0).get("kind").asText()).isEqualTo("out_of_range");
  }

  @Test
  void unknownLevelIs400ListingTheLevels() throws Exception {
    JsonNode r = refused(server.post("/api/score", "application/json", GOOD.replace("\"home\"", "\"yacht\"")));
    assertThat(r.get("error").asText()).contains("'yacht'", "car, home, education");
  }

  @Test
  void missingAndUnknownFieldsAre400() throws Exception {
    JsonNode missing = refused(server.post("/api/score", "application/json", GOOD.replace("\"employed\": true,", "")));
    assertThat(missing.get("field").asText()).isEqualTo("employed");
    JsonNode unknown = refused(server.post("/api/score", "application/json", GOOD.replace("{", "{\"ssn\": 1, ")));
    assertThat(unknown.get("error").asText()).contains("column 'ssn': is not a column of this model", "loan_amount");
    HttpResponse<String> lenient = server.post("/api/score?lenient=true", "application/json", GOOD.replace("{", "{\"ssn\": 1, "));
    assertThat(lenient.statusCode()).isEqualTo(200);
    assertThat(json(lenient).get("ignored").get(0).asText()).startsWith("column 'ssn': is not a column of this model");
  }

  @Test
  void badDateIs400() throws Exception {
    JsonNode r = refused(server.post("/api/score", "application/json", GOOD.replace("2025-03-01", "2025-13-01")));
    assertThat(r.get("field").asText()).isEqualTo("application_date");
  }

  @Test
  void malformedJsonIs400WithItsPosition() throws Exception {
    JsonNode r = refused(server.post("/api/score", "application/json", "{\"loan_amount\": 12000,"));
    assertThat(r.get("error").asText()).startsWith("malformed JSON at line 1");
    assertThat(server.post("/api/score", "application/json", "[1,2]").statusCode()).isEqualTo(400);
    assertThat(server.post("/api/score", "application/json", "").statusCode()).isEqualTo(400);
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    String huge = "{\"purpose\": \"" + "x".repeat(LoanApi.JSON_LIMIT + 10) + "\"}";
    HttpResponse<String> r = server.post("/api/score", "application/json", huge);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(json(r).get("error").asText()).contains("larger than the limit");
  }

  @Test
  void scriptTypedIntoAFieldComesBackAsPlainJsonText() throws Exception {
    HttpResponse<String> r = server.post("/api/score", "application/json", GOOD.replace("\"home\"", "\"<script>alert(1)</script>\""));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(json(r).get("error").asText()).contains("<script>alert(1)</script>");
    assertThat(r.body()).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
  }

  @Test
  void batchCsvComesBackWithScoresAndReasons() throws Exception {
    String csv = "loan_amount,debt_to_income,purpose,employed,application_date\n"
        + "12000,0.45,home,true,2025-03-01\n"
        + "3000,0.1,car,true,2024-01-05\n";
    HttpResponse<String> r = server.post("/api/score/batch", "text/csv", csv);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("scored.csv"));
    String[] lines = r.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).endsWith("probability,decision,score,grade,reason_1,reason_2,reason_3,reason_4");
    assertThat(lines[1]).startsWith("12000,0.45,home,true,2025-03-01,0.").contains("Debt-to-income ratio too high");
  }

  @Test
  void badBatchRowIs400NamingLineAndField() throws Exception {
    String csv = "loan_amount,debt_to_income,purpose,employed,application_date\n"
        + "12000,0.45,home,true,2025-03-01\n"
        + "12000,abc,home,true,2025-03-01\n";
    JsonNode body = refused(server.post("/api/score/batch", "text/csv", csv));
    assertThat(body.get("field").asText()).isEqualTo("debt_to_income");
    assertThat(body.get("error").asText()).startsWith("line 3, field 'debt_to_income', value 'abc': is not a number");
  }

  @Test
  void batchForThePageListsEachRefusedRowAndScoresTheOthers() throws Exception {
    String csv = "loan_amount,debt_to_income,purpose,employed,application_date,branch\n"
        + "12000,0.45,home,true,2025-03-01,north\n"
        + "12000,abc,home,true,2025-03-01,north\n"
        + "3000,0.1,car\n"
        + "3000,0.1,car,true,2024-01-05,south\n";
    HttpResponse<String> r = server.post("/api/score/batch?lenient=true&format=json", "text/csv", csv);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("scored").asInt()).isEqualTo(2);
    assertThat(body.get("rejected").asInt()).isEqualTo(2);
    assertThat(body.get("ignoredColumns")).extracting(JsonNode::asText).containsExactly("Branch");
    assertThat(body.get("errors")).extracting(e -> e.get("line").asInt()).containsExactly(3, 4);
    assertThat(body.get("errors").get(0).get("problems").get(0).get("message").asText())
        .startsWith("Debt-to-income ratio \u2018abc\u2019: is not a number");
    assertThat(body.get("errors").get(1).get("problems").get(0).get("message").asText()).contains("3 values but the header has 6");
    String[] lines = body.get("csv").asText().split("\r\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[1]).contains("Debt-to-income ratio too high (0.45; costs 43 points)").endsWith(",");
    assertThat(lines[2]).startsWith("12000,abc,").contains("line 3, field 'debt_to_income'");
    JsonNode missing = refused(server.post("/api/score/batch?lenient=true&format=json", "text/csv", "loan_amount\n12000\n"));
    assertThat(missing.get("problems")).extracting(p -> p.get("kind").asText()).containsOnly("absent").hasSize(4);
  }

  @Test
  void confusionFollowsTheThreshold() throws Exception {
    JsonNode low = json(server.get("/api/model/confusion?threshold=0.05"));
    JsonNode high = json(server.get("/api/model/confusion?threshold=0.9"));
    assertThat(low.get("approvalRate").asDouble()).isLessThan(high.get("approvalRate").asDouble());
    assertThat(low.get("recall").asDouble()).isGreaterThan(high.get("recall").asDouble());
    long total = low.get("truePositives").asLong() + low.get("falsePositives").asLong()
        + low.get("trueNegatives").asLong() + low.get("falseNegatives").asLong();
    assertThat(total).isEqualTo(600);
    assertThat(refused(server.get("/api/model/confusion?threshold=1.5")).get("field").asText()).isEqualTo("threshold");
  }

  @Test
  void modelSummaryHasHeldOutMetricsGradesInOrderAndChartData() throws Exception {
    JsonNode summary = json(server.get("/api/model"));
    assertThat(summary.get("threshold").asDouble()).isEqualTo(0.3);
    assertThat(summary.get("auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(summary.get("metricsSource").asText()).isEqualTo("held-out");
    assertThat(summary.get("metrics").get("auc").asDouble()).isEqualTo(summary.get("auc").asDouble(), within(1e-9));
    assertThat(summary.get("grades")).extracting(g -> g.get("grade").asText()).containsExactly("A", "B", "C", "D", "E");
    assertThat(summary.get("atThreshold").get("badRateApproved").asDouble()).isBetween(0.0, 1.0);
    JsonNode charts = json(server.get("/api/model/charts"));
    assertThat(charts.fieldNames()).toIterable().contains("roc", "pr", "calibration", "scores", "importance", "drift", "profile");
    assertThat(charts.get("importance").get(0).get("label").asText()).isEqualTo("Debt-to-income ratio");
    assertThat(charts.get("drift").get(0).get("psi").asDouble()).isEqualTo(0.31);
    assertThat(charts.get("roc").get(0).size()).isEqualTo(2);
    assertThat(json(server.get("/api/models")).get("models")).hasSize(1);
    assertThat(refused(server.get("/api/model?model=3")).get("field").asText()).isEqualTo("model");
  }

  @Test
  void segmentsAndCustomerLookup() throws Exception {
    JsonNode segments = json(server.get("/api/segments"));
    assertThat(segments.get("segments")).hasSize(3);
    assertThat(segments.get("features")).hasSize(3);
    assertThat(segments.get("featureLabels").get(1).asText()).isEqualTo("Card spend");
    JsonNode one = json(server.get("/api/customers/C4/segment"));
    assertThat(one.get("segment").asInt()).isEqualTo(1);
    assertThat(one.get("name").asText()).isEqualTo("affluent savers");
    HttpResponse<String> unknown = server.get("/api/customers/X9/segment");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).isEqualTo("no customer with id 'X9'");
    JsonNode scatter = json(server.get("/api/segments/charts")).get("scatter");
    assertThat(scatter).hasSize(3);
    assertThat(scatter.get(0).get("points").get(0).size()).isEqualTo(3);
    assertThat(server.get("/api/segments?k=11").statusCode()).isEqualTo(400);
  }

  @Test
  void customersAreSearchedByIdAndSegment() throws Exception {
    JsonNode found = json(server.get("/api/customers?q=2&limit=50"));
    assertThat(found.get("customers")).extracting(c -> c.get("id").asText()).allSatisfy(id -> assertThat(id).contains("2"));
    assertThat(found.get("matches").asInt()).isEqualTo(12);
    JsonNode inSegment = json(server.get("/api/customers?segment=1&limit=50"));
    assertThat(inSegment.get("customers")).allSatisfy(c -> assertThat(c.get("segment").asInt()).isEqualTo(1));
    assertThat(inSegment.get("matches").asInt()).isEqualTo(10);
  }

  @Test
  void aKnownCustomerFillsTheApplicantFields() throws Exception {
    JsonNode body = json(server.get("/api/customers/C7/applicant"));
    assertThat(body.get("asOf").asText()).isEqualTo("2025-01-01");
    assertThat(body.get("values").get("debt_to_income").asText()).isEqualTo("0.95");
    assertThat(server.get("/api/customers/C99/applicant").statusCode()).isEqualTo(404);
  }

  @Test
  void theTemplateHasTheModelsColumnsAndATypicalRow() throws Exception {
    HttpResponse<String> r = server.get("/api/score/template.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().lines().toList()).hasSize(2)
        .first().isEqualTo("loan_amount,debt_to_income,purpose,employed,application_date");
  }

  @Test
  void recommendationsForACustomerExcludeHoldings() throws Exception {
    JsonNode body = json(server.get("/api/customers/C2/recommendations?k=2"));
    assertThat(body.get("holdings")).extracting(JsonNode::asText).containsExactly("current account", "credit card", "savings account");
    assertThat(body.get("recommendations")).hasSize(2);
    assertThat(body.get("recommendations").get(0).get("product").asText()).isEqualTo("mortgage");
    assertThat(body.get("recommendations").get(0).get("reasons")).isNotEmpty();
    assertThat(body.get("recommendations").get(0).get("because")).isNotEmpty();
    assertThat(body.get("segment").get("name").asText()).isEqualTo("families");
    assertThat(body.get("scoreMeaning").asText()).isNotBlank();
    assertThat(refused(server.get("/api/customers/C2/recommendations?k=99")).get("field").asText()).isEqualTo("k");
    JsonNode metrics = json(server.get("/api/recommendations/metrics"));
    assertThat(metrics.get("metrics")).hasSize(3);
    assertThat(metrics.get("evaluation").get("splitDate").asText()).isEqualTo("2024-01-01");
  }

  @Test
  void unknownEndpointIsJson404() throws Exception {
    HttpResponse<String> r = server.get("/api/nothing");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").asText()).containsIgnoringCase("not found");
  }

  @Test
  void absentSourcesAnswer404SayingWhatIsNotLoaded() throws Exception {
    try (WebServer bare = WebServer.start(UiSources.none(), "127.0.0.1", 0)) {
      for (String path : new String[] {"/api/schema", "/api/model", "/api/segments", "/api/customers/C1/recommendations"}) {
        HttpResponse<String> r = FakeServer.get(bare.url(), path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).as(path).contains("is not loaded");
      }
    }
  }

  @Test
  void aPortInUseIsAClearError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(UiSources.none(), "127.0.0.1", server.port()))
        .isInstanceOf(dev.bankml.data.BankmlException.class)
        .hasMessageContaining("could not listen on 127.0.0.1:" + server.port())
        .hasMessageNotContaining("--");
  }

}
