package dev.bankml.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;

/** Small deterministic stand-ins for the real model, segmentation and recommender, for tests. */
final class FakeSources {
  /** An applicant of the fake models' schema with every field valid, as the JSON body of {@code POST /api/score}. */
  static final String GOOD_APPLICANT = "{\"loan_amount\": 12000, \"debt_to_income\": 0.45, \"purpose\": \"home\","
      + " \"employed\": true, \"application_date\": \"2025-03-01\"}";

  private FakeSources() {}

  static UiSources all() {
    return UiSources.none()
        .withScorer(new Scorer("fake · logistic", 0.0))
        .withScorer(new Scorer("fake · forest", 0.3))
        .withInsights(new Insights())
        .withSegments(new Segments())
        .withRecommendations(new Recommendations())
        .withApplicants(new Applicants());
  }

  /** Customers C1 … C30 with a known debt-to-income ratio and employment. */
  static final class Applicants implements ApplicantSource {
    @Override
    public LocalDate asOf() {
      return LocalDate.of(2025, 1, 1);
    }

    @Override
    public Optional<Map<String, String>> applicant(String customerId) {
      if (!customerId.matches("C\\d+")) {
        return Optional.empty();
      }
      int n = Integer.parseInt(customerId.substring(1));
      return n >= 1 && n <= 30
          ? Optional.of(Map.of("debt_to_income", n == 7 ? "0.95" : "0.2", "employed", n == 7 ? "false" : "true"))
          : Optional.empty();
    }
  }

  /** A logistic model over five fields of every type. */
  static final class Scorer implements LoanScorer {
    private final String label;
    private final double shift;

    Scorer(String label, double shift) {
      this.label = label;
      this.shift = shift;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public List<FormField> schema() {
      return List.of(
          FormField.number("loan_amount", 500, 50_000, 100, 10_000),
          FormField.number("debt_to_income", 0, 1.5, 0.01, 0.3),
          FormField.category("purpose", List.of("car", "home", "education"), "car"),
          FormField.bool("employed", true),
          FormField.date("application_date", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31),
              LocalDate.of(2024, 6, 1)));
    }

    @Override
    public ModelAnswer assess(Map<String, String> v) {
      double dti = 4 * (Double.parseDouble(v.get("debt_to_income")) - 0.3);
      double amount = (Double.parseDouble(v.get("loan_amount")) - 10_000) / 20_000;
      double employed = Boolean.parseBoolean(v.get("employed")) ? 0 : 1.2;
      double purpose = v.get("purpose").equals("education") ? 0.5 : 0;
      double logit = -2.2 + shift + dti + amount + employed + purpose;
      double p = 1 / (1 + Math.exp(-logit));
      double score = 600 + 50 / Math.log(2) * (Math.log((1 - p) / p) - Math.log(19));
      String decision = p < 0.15 ? "approve" : p < 0.3 ? "review" : "decline";
      String grade = p < 0.05 ? "A" : p < 0.1 ? "B" : p < 0.2 ? "C" : p < 0.35 ? "D" : "E";
      List<AnswerReason> reasons = new ArrayList<>(List.of(
          new AnswerReason("debt_to_income", "Debt-to-income ratio too high", dti),
          new AnswerReason("loan_amount", "Loan amount large for the profile", amount),
          new AnswerReason("employed", "Not employed", employed),
          new AnswerReason("purpose", "Loan purpose carries more risk", purpose)));
      List<AnswerReason> contributions = new ArrayList<>(reasons);
      contributions.sort(Comparator.comparingDouble((AnswerReason r) -> -Math.abs(r.contribution())));
      reasons.removeIf(r -> r.contribution() <= 0);
      reasons.sort(Comparator.comparingDouble(AnswerReason::contribution).reversed());
      return new ModelAnswer(p, decision, score, grade, reasons, contributions);
    }
  }

  static final class Insights implements ModelInsights {
    @Override
    public String label() {
      return "fake · logistic";
    }

    @Override
    public String evaluatedOn() {
      return "600 held-out applications";
    }

    @Override
    public boolean heldOutRows() {
      return true;
    }

    @Override
    public String grade(double p) {
      return p < 0.05 ? "A" : p < 0.1 ? "B" : p < 0.2 ? "C" : p < 0.35 ? "D" : "E";
    }

    @Override
    public List<String> gradeLetters() {
      return List.of("A", "B", "C", "D", "E");
    }

    @Override
    public List<Drift> drift() {
      return List.of(new Drift("loan_amount", 0.02), new Drift("debt_to_income", 0.31));
    }

    @Override
    public HeldOut heldOut() {
      Random r = new Random(7);
      int n = 600;
      int[] y = new int[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        double z = r.nextGaussian() - 1.5;
        p[i] = 1 / (1 + Math.exp(-z));
        y[i] = r.nextDouble() < p[i] ? 1 : 0;
      }
      return new HeldOut(y, p);
    }

    @Override
    public double threshold() {
      return 0.3;
    }

    @Override
    public List<Importance> importance() {
      return List.of(new Importance("debt_to_income", 0.9), new Importance("employed", 0.5),
          new Importance("loan_amount", 0.4), new Importance("purpose", 0.1));
    }

    @Override
    public DataProfile profile() {
      return new DataProfile(
          List.of(new DataProfile.Distribution("loan_amount", List.of("0-10k", "10-20k", "20-50k"), new double[] {300, 200, 100}),
              new DataProfile.Distribution("purpose", List.of("car", "home", "education"), new double[] {250, 200, 150})),
          List.of("loan_amount", "debt_to_income"),
          new double[][] {{1, 0.35}, {0.35, 1}},
          List.of(new DataProfile.LevelRates("purpose", List.of("car", "home", "education"), new double[] {0.1, 0.12, 0.2})));
    }
  }

  static final class Segments implements SegmentsSource {
    private final List<Segment> segments = List.of(
        new Segment(0, "young digital spenders", 12, new double[] {-0.8, 1.2, 0.9}, "Card spend 2.0× the bank average.",
            OptionalDouble.of(0.12), 31_000, List.of(new Share("Current account", 1.0)), List.of(new Share("Restaurants", 0.3))),
        new Segment(1, "affluent savers", 10, new double[] {1.5, -0.3, -0.6}, "Income 2.5× the bank average.",
            OptionalDouble.of(0.02), 120_000, List.of(new Share("Savings account", 0.9)), List.of(new Share("Travel", 0.25))),
        new Segment(2, "families", 8, new double[] {0.2, 0.1, 0.4}, "Childcare 3.0× the bank average.",
            OptionalDouble.of(0.06), 56_000, List.of(new Share("Mortgage", 0.6)), List.of(new Share("Childcare", 0.2))));

    @Override
    public Optional<KEvidence> kEvidence() {
      return Optional.of(new KEvidence(3, "vote of four criteria", List.of(
          new KCandidate(2, 900, 0.31, 1.2, 400), new KCandidate(3, 500, 0.45, 0.8, 650), new KCandidate(4, 420, 0.40, 0.9, 600)),
          List.of(new Vote("inertia knee (elbow)", 3), new Vote("highest silhouette", 3),
              new Vote("lowest Davies-Bouldin", 3), new Vote("highest Calinski-Harabasz", 3))));
    }

    @Override
    public Optional<SegmentsSource> refit(int k) {
      return Optional.of(this);
    }

    @Override
    public List<String> profileFeatures() {
      return List.of("income", "card_spend", "mobile_share");
    }

    @Override
    public List<Segment> segments() {
      return segments;
    }

    @Override
    public List<Point> scatter() {
      Random r = new Random(3);
      return IntStream.range(0, 90).mapToObj(i -> new Point(
          (i % 3) * 3 + r.nextGaussian(), (i % 3 == 1 ? 2 : 0) + r.nextGaussian(), i % 3, "C" + (1 + i % 30))).toList();
    }

    @Override
    public Optional<Segment> segmentOf(String customerId) {
      if (!customerId.matches("C\\d+")) {
        return Optional.empty();
      }
      int n = Integer.parseInt(customerId.substring(1));
      return n >= 1 && n <= 30 ? Optional.of(segments.get(n % 3)) : Optional.empty();
    }
  }

  static final class Recommendations implements RecommendationsSource {
    private static final List<String> PRODUCTS =
        List.of("current account", "credit card", "savings account", "mortgage", "home insurance", "pension");

    @Override
    public List<String> customers() {
      return IntStream.rangeClosed(1, 30).mapToObj(i -> "C" + i).toList();
    }

    @Override
    public Evaluation evaluation() {
      return new Evaluation("temporal split", "2024-01-01", 25, 5);
    }

    @Override
    public String scoreMeaning() {
      return "Higher means more customers like this one hold it.";
    }

    @Override
    public Optional<List<String>> holdings(String customerId) {
      if (!customers().contains(customerId)) {
        return Optional.empty();
      }
      int n = Integer.parseInt(customerId.substring(1));
      return Optional.of(PRODUCTS.subList(0, 1 + n % 3));
    }

    @Override
    public List<Recommendation> recommend(String customerId, int k) {
      List<String> held = holdings(customerId).orElseThrow();
      List<Recommendation> out = new ArrayList<>();
      double score = 0.9;
      for (String p : PRODUCTS) {
        if (!held.contains(p) && out.size() < k) {
          out.add(new Recommendation("P" + PRODUCTS.indexOf(p), p, score, List.of("customers holding " + held.get(0) + " often add it"),
              List.of(held.get(0) + " (similarity 0.50)")));
          score -= 0.15;
        }
      }
      return out;
    }

    @Override
    public List<OfflineMetric> offlineMetrics() {
      return List.of(new OfflineMetric("precision@5", 0.31, 0.22), new OfflineMetric("recall@5", 0.64, 0.48),
          new OfflineMetric("NDCG@5", 0.52, 0.39));
    }
  }
}
