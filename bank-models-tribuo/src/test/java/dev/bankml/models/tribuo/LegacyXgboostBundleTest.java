package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.explain.Explanation;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanDefaultOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Tribuo-XGBoost loan bundle written by an earlier bankml (xgboost4j 1.6.2, Tribuo 4.3.2,
 * {@code tree_method} auto) must still load and give the same probabilities with the xgboost4j this
 * build brings. The fixture in {@code src/test/resources/fixtures/} was written once by
 * {@link #writeFixture} ({@code -Dbankml.fixtures.write=true}) and is never rewritten: rewriting it
 * with a newer xgboost4j would prove nothing.
 */
class LegacyXgboostBundleTest {
  private static final String BUNDLE = "fixtures/tribuo-xgboost4j-1.6.2.bankml";
  private static final String EXPECTED = "fixtures/tribuo-xgboost4j-1.6.2-expected.csv";
  private static final String[] PURPOSES = {"car", "home", "cash", "education"};
  private static final String[] GRADES = {"A", "B", "C", "D", "E"};

  @TempDir Path dir;

  /** Loan applications whose default risk rises with debt-to-income, grade and purpose "cash". */
  static Table applications(int n, long seed) {
    Random r = new Random(seed);
    double[] id = new double[n];
    double[] dti = new double[n];
    double[] income = new double[n];
    double[] term = new double[n];
    String[] grade = new String[n];
    String[] purpose = new String[n];
    boolean[] defaulted = new boolean[n];
    for (int i = 0; i < n; i++) {
      id[i] = 1000 + i;
      dti[i] = r.nextDouble() * 0.6;
      income[i] = 20000 + r.nextDouble() * 80000;
      term[i] = r.nextBoolean() ? 36 : 60;
      int g = r.nextInt(GRADES.length);
      grade[i] = GRADES[g];
      purpose[i] = PURPOSES[r.nextInt(PURPOSES.length)];
      double logit = -3 + 6 * dti[i] + 0.4 * g + (purpose[i].equals("cash") ? 1.2 : 0) - income[i] / 100000
          + (term[i] == 60 ? 0.3 : 0) + 2 * dti[i] * (g >= 3 ? 1 : 0);
      defaulted[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    return Table.of(NumericColumn.of("loan_id", id), NumericColumn.of("debt_to_income", dti),
        NumericColumn.of("income", income), NumericColumn.of("term", term), CategoricalColumn.of("grade", grade),
        CategoricalColumn.of("purpose", purpose), BooleanColumn.of("defaulted", defaulted));
  }

  static LoanDefaultOptions options() {
    return LoanDefaultOptions.builder().backend("tribuo").algorithm("xgboost").idColumn("loan_id")
        .folds(3).seed(5).threads(1).build();
  }

  /** Records to score: a fixed sample from another seed. */
  static List<Map<String, Object>> records() {
    Table t = applications(12, 99);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < t.rows(); i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("debt_to_income", ((NumericColumn) t.column("debt_to_income")).get(i));
      m.put("income", ((NumericColumn) t.column("income")).get(i));
      m.put("term", ((NumericColumn) t.column("term")).get(i));
      m.put("grade", t.column("grade").text(i));
      m.put("purpose", t.column("purpose").text(i));
      out.add(m);
    }
    return out;
  }

  @Test
  @EnabledIfSystemProperty(named = "bankml.fixtures.write", matches = "true")
  void writeFixture() throws IOException {
    LoanDefaultModel m = options().fit(applications(600, 1));
    Path resources = Path.of("src", "test", "resources", "fixtures");
    Files.createDirectories(resources);
    m.save(resources.resolve("tribuo-xgboost4j-1.6.2.bankml"));
    StringBuilder csv = new StringBuilder("debt_to_income,income,term,grade,purpose,probability\n");
    for (Map<String, Object> r : records()) {
      csv.append(r.get("debt_to_income")).append(',').append(r.get("income")).append(',').append(r.get("term"))
          .append(',').append(r.get("grade")).append(',').append(r.get("purpose")).append(',')
          .append(m.probability(r)).append('\n');
    }
    Files.writeString(resources.resolve("tribuo-xgboost4j-1.6.2-expected.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void bundleWrittenWithXgboost162StillLoadsAndGivesTheSameProbabilities() throws IOException {
    LoanDefaultModel m = LoanDefaultModel.load(copy(BUNDLE), dev.bankml.data.bundle.LoadOptions.defaults().trustingUnsigned());
    assertThat(m.provenance().backend()).isEqualTo("tribuo");
    assertThat(m.provenance().algorithm()).isEqualTo("xgboost");
    List<String> lines = read(EXPECTED);
    assertThat(lines).hasSizeGreaterThan(5);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      Map<String, Object> record = Map.of("debt_to_income", Double.parseDouble(f[0]), "income",
          Double.parseDouble(f[1]), "term", Double.parseDouble(f[2]), "grade", f[3], "purpose", f[4]);
      assertThat(m.probability(record)).as("record %s", line).isCloseTo(Double.parseDouble(f[5]), within(1e-6));
    }
  }

  @Test
  void bundleWrittenWithXgboost162StillExplainsItsPredictions() throws IOException {
    LoanDefaultModel m = LoanDefaultModel.load(copy(BUNDLE), dev.bankml.data.bundle.LoadOptions.defaults().trustingUnsigned());
    Explanation e = m.explain(records().get(0));
    assertThat(e.contributions()).isNotEmpty();
    assertThat(e.method()).isEqualTo("exact");
    assertThat(m.classifier().featureImportance()).isPresent();
  }

  private Path copy(String resource) throws IOException {
    Path p = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("test resource %s", resource).isNotNull();
      Files.copy(in, p);
    }
    return p;
  }

  private List<String> read(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("test resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
