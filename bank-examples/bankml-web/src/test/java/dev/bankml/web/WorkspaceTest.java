package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.data.SettingException;
import dev.bankml.data.ProgressListener;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real modules behind the UI: a small synthetic bank, models of both backends trained on its
 * loan-application view, the customer segmentation, the recommender.
 */
class WorkspaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path cache;
  private static UiSources sources;
  private static final List<String> said = new ArrayList<>();

  @BeforeAll
  static void prepare() {
    sources = Workspace.prepare(new Workspace.Spec(Optional.empty(), Optional.empty(), cache, 600),
        ProgressListener.NONE, said::add);
  }

  private static Map<String, String> typical(LoanScorer scorer) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (FormField f : scorer.schema()) {
      values.put(f.name(), f.typical());
    }
    return values;
  }

  @Test
  void firstRunGeneratesTheBankAndTrainsAScorecardAndAnXgboostChallenger() {
    assertThat(said).anyMatch(s -> s.startsWith("generating a synthetic bank of 600 customers"));
    assertThat(sources.scorers()).extracting(LoanScorer::label)
        .containsExactly("tribuo · logistic", "xgboost · gradient-boosting");
    assertThat(sources.insights()).hasSize(2).allSatisfy(m -> assertThat(m.heldOutRows()).isTrue());
    assertThat(sources.applicants()).isPresent();
    assertThat(sources.recommendations()).isPresent();
    assertThat(sources.segments()).isPresent();
    assertThat(said).anyMatch(s -> s.startsWith("segmenting 600 customers with k-means"));
  }

  @Test
  void schemaIsTheLoanApplicationViewWithoutIdsTargetDatesOrTruth() {
    List<String> names = sources.scorers().get(0).schema().stream().map(FormField::name).toList();
    assertThat(names).contains("amount", "debt_to_income", "purpose", "annual_income", "credit_score",
            "age_at_application", "txn_count_90d", "net_flow_volatility_365d")
        .doesNotContain("loan_id", "customer_id", "defaulted", "true_pd", "application_date")
        .doesNotHaveDuplicates();
    assertThat(sources.scorers().get(1).schema()).extracting(FormField::name).containsExactlyElementsOf(names);
    FormField amount = sources.scorers().get(0).schema().stream().filter(f -> f.name().equals("amount")).findFirst().orElseThrow();
    assertThat(amount.type()).isEqualTo(FieldType.NUMBER);
    assertThat(amount.min()).isLessThan(amount.max());
  }

  @Test
  void theTypicalApplicantPassesValidationAndIsAssessed() throws Exception {
    LoanScorer scorer = sources.scorers().get(0);
    ObjectNode body = JSON.createObjectNode();
    typical(scorer).forEach(body::put);
    Map<String, String> values = new ApplicantValidator(scorer.inputSchema()).validate(body);
    ModelAnswer a = scorer.assess(values);
    assertThat(a.probability()).isBetween(0.0, 1.0);
    assertThat(a.decision()).isIn("approve", "review", "decline");
    assertThat(a.grade()).matches("[A-G]");
    assertThat(a.reasons()).hasSizeLessThanOrEqualTo(4).allSatisfy(r -> assertThat(r.contribution()).isPositive());
  }

  @Test
  void theRiskiestSingleChangeRaisesTheRiskAndIsExplainedInWords() {
    LoanScorer scorer = sources.scorers().get(0);
    double base = scorer.assess(typical(scorer)).probability();
    ModelAnswer worst = null;
    for (FormField f : scorer.schema()) {
      if (f.type() != FieldType.NUMBER) {
        continue;
      }
      for (double v : new double[] {f.min(), f.max()}) {
        Map<String, String> values = typical(scorer);
        values.put(f.name(), NumberText.format(v));
        ModelAnswer a = scorer.assess(values);
        if (worst == null || a.probability() > worst.probability()) {
          worst = a;
        }
      }
    }
    assertThat(worst).isNotNull();
    assertThat(worst.probability()).isGreaterThan(base);
    assertThat(worst.reasons()).isNotEmpty();
    assertThat(worst.reasons()).allSatisfy(r -> assertThat(r.text()).doesNotContain("_").isNotBlank());
  }

  @Test
  void modelPageDataIsTheHeldOutFifthWithAProfile() {
    ModelInsights m = sources.insights().get(0);
    assertThat(m.heldOut().size()).isGreaterThanOrEqualTo(40);
    assertThat(dev.bankml.models.metrics.RocAuc.of(m.heldOut().labels(), m.heldOut().probabilities())).isGreaterThan(0.6);
    assertThat(m.importance()).isNotEmpty();
    assertThat(m.profile().distributions()).isNotEmpty();
    assertThat(m.profile().correlationColumns()).isNotEmpty().hasSizeLessThanOrEqualTo(ProfileData.MAX_CORRELATION_COLUMNS);
    assertThat(m.drift()).isNotEmpty().allSatisfy(d -> assertThat(d.psi()).isFinite().isNotNegative());
  }

  @Test
  void segmentsComeFromTheBehaviourViewAndEveryCustomerCanBeLookedUp() {
    SegmentsSource seg = sources.segments().orElseThrow();
    assertThat(seg.segments()).hasSizeBetween(2, SegmentationCache.MAX_K);
    assertThat(seg.segments()).extracting(SegmentsSource.Segment::size).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(seg.segments().stream().mapToLong(SegmentsSource.Segment::size).sum()).isEqualTo(600);
    assertThat(seg.profileFeatures()).hasSizeBetween(1, BankSegments.PROFILE_FEATURES);
    assertThat(seg.segments()).allSatisfy(s -> assertThat(s.profile()).hasSize(seg.profileFeatures().size()));
    assertThat(seg.segments()).extracting(SegmentsSource.Segment::name).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(n).isNotBlank());
    assertThat(seg.scatter()).hasSize(600);
    String customer = sources.recommendations().orElseThrow().customers().get(0);
    assertThat(seg.segmentOf(customer)).isPresent();
    assertThat(seg.segmentOf("nobody")).isEmpty();
    assertThat(seg.kEvidence()).isPresent();
    assertThat(seg.segments()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
    assertThat(seg.segments()).allSatisfy(s -> assertThat(s.defaultRate()).isPresent());
    assertThat(seg.scatter()).allSatisfy(p -> assertThat(p.customerId()).isNotEmpty());
    assertThat(seg.refit(3).orElseThrow().segments()).hasSize(3);
  }

  @Test
  void recommendationsExcludeWhatTheCustomerHoldsAndBeatPopularity() {
    RecommendationsSource r = sources.recommendations().orElseThrow();
    String customer = r.customers().get(0);
    List<String> held = r.holdings(customer).orElseThrow();
    List<RecommendationsSource.Recommendation> top = r.recommend(customer, 5);
    assertThat(top).hasSize(5).extracting(RecommendationsSource.Recommendation::product).doesNotContainAnyElementsOf(held);
    assertThat(r.holdings("nobody")).isEmpty();
    assertThat(r.offlineMetrics()).extracting(RecommendationsSource.OfflineMetric::metric).contains("precision@5", "NDCG@5");
  }

  @Test
  void secondRunReusesTheCacheWithoutRetrainingOrRefitting() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Files.walk(cache.resolve("models"))) {
      models = files.filter(p -> p.toString().endsWith(".bankml")).toList();
    }
    assertThat(models).hasSize(2);
    FileTime before = Files.getLastModifiedTime(models.get(0));
    List<String> again = new ArrayList<>();
    UiSources second = Workspace.prepare(new Workspace.Spec(Optional.empty(), Optional.empty(), cache, 600),
        ProgressListener.NONE, again::add);
    SegmentsSource fitted = sources.segments().orElseThrow();
    SegmentsSource loaded = second.segments().orElseThrow();
    assertThat(loaded.segments()).extracting(SegmentsSource.Segment::name)
        .containsExactlyElementsOf(fitted.segments().stream().map(SegmentsSource.Segment::name).toList());
    for (String customer : sources.recommendations().orElseThrow().customers().subList(0, 50)) {
      assertThat(loaded.segmentOf(customer).map(SegmentsSource.Segment::id))
          .isEqualTo(fitted.segmentOf(customer).map(SegmentsSource.Segment::id));
    }
    assertThat(again).noneMatch(s -> s.startsWith("training") || s.startsWith("generating")
        || s.startsWith("segmenting"));
    assertThat(again).anyMatch(s -> s.startsWith("using the customer segmentation"));
    assertThat(Files.getLastModifiedTime(models.get(0))).isEqualTo(before);
  }

  @Test
  void aModelBundleCanBeServedOverABankDirectory() throws Exception {
    Path bank;
    Path model;
    try (Stream<Path> files = Files.walk(cache)) {
      List<Path> all = files.toList();
      bank = all.stream().filter(p -> p.getFileName().toString().startsWith("bank-")).findFirst().orElseThrow();
      model = all.stream().filter(p -> p.toString().endsWith("loan-xgboost-gradient-boosting.bankml")).findFirst().orElseThrow();
    }
    UiSources served = Workspace.prepare(new Workspace.Spec(Optional.of(bank), Optional.of(model), cache),
        ProgressListener.NONE, s -> {});
    assertThat(served.scorers()).extracting(LoanScorer::label).containsExactly("xgboost · gradient-boosting");
    assertThat(served.insights().get(0).evaluatedOn()).contains("may include its training rows");
    assertThat(served.insights().get(0).heldOutRows()).isFalse();
    try (WebServer server = WebServer.start(served, "127.0.0.1", 0)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.url().resolve("/api/schema")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode fields = JSON.readTree(r.body()).get("fields");
      assertThat(fields).extracting(f -> f.get("name").asText()).contains("amount");
    }
  }

  @Test
  void aKnownCustomerIsAnApplicantWithTheirProfileAndBehaviourButNoLoanTerms() {
    ApplicantSource applicants = sources.applicants().orElseThrow();
    String customer = sources.recommendations().orElseThrow().customers().get(0);
    Map<String, String> values = applicants.applicant(customer).orElseThrow();
    assertThat(values).containsKeys("annual_income", "age_at_application", "txn_count_90d", "share_groceries_365d")
        .doesNotContainKeys("amount", "grade", "interest_rate", "customer_id");
    assertThat(applicants.applicant("nobody")).isEmpty();
  }

  @Test
  void theFormStartsFromARealMedianApplicantNotTheWorstGrade() {
    FormField grade = sources.scorers().get(0).schema().stream().filter(f -> f.name().equals("grade")).findFirst().orElseThrow();
    assertThat(grade.typical()).isNotEqualTo("G");
    LoanScorer scorer = sources.scorers().get(0);
    assertThat(scorer.assess(typical(scorer)).grade()).isNotEqualTo("G");
  }

  @Test
  void theCacheHonoursBankmlCacheThenXdgCacheHomeThenHome() {
    assertThat(Workspace.defaultCache(Map.of("BANKML_CACHE", "/a", "XDG_CACHE_HOME", "/b", "HOME", "/c"))).isEqualTo(Path.of("/a"));
    assertThat(Workspace.defaultCache(Map.of("XDG_CACHE_HOME", "/b", "HOME", "/c"))).isEqualTo(Path.of("/b", "bankml"));
    assertThat(Workspace.defaultCache(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/c"))).isEqualTo(Path.of("/c", ".cache", "bankml"));
    assertThat(Workspace.defaultCache(Map.of("HOME", "/c"))).isEqualTo(Path.of("/c", ".cache", "bankml"));
  }

  @Test
  void aDirectoryWithoutLoansIsAClearError() {
    assertThatThrownBy(() -> Workspace.prepare(new Workspace.Spec(Optional.of(cache.resolve("nowhere")), Optional.empty(), cache),
        ProgressListener.NONE, s -> {}))
        .isInstanceOf(SettingException.class)
        .hasMessageContaining("has no loans.csv and customers.csv; the data must be a bank directory")
        .hasMessageNotContaining("--")
        .satisfies(e -> assertThat(((SettingException) e).setting()).contains("data"));
  }
}
