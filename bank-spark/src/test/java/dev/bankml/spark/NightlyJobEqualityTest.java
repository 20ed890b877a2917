package dev.bankml.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.io.BankFiles;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.TopK;
import dev.bankml.recommender.bank.BankHoldings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Every job gives, row for row, what the single-JVM code gives on the same bank. */
class NightlyJobEqualityTest {
  private final SparkTestBank t = SparkTestBank.get();

  private NightlyJob.Summary run(String... args) {
    return NightlyJob.run(args, t.spark);
  }

  private Map<String, Row> byKey(Path dir, String format, String key) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : NightlyJob.read(t.spark, dir.toString(), format).collectAsList()) {
      assertThat(m.put(r.getAs(key).toString(), r)).as("duplicate " + key).isNull();
    }
    return m;
  }

  @Test
  void featuresEqualTheSingleJvmViewsWithin1e9() {
    Path out = t.out("features");
    run("features", "--bank", t.bank.toString(), "--out", out.toString(), "--partitions", "3");
    assertSameView(LoanApplicationView.read(t.bank, ProgressListener.NONE), byKey(out.resolve("loan_features"), "parquet", "loan_id"), "loan_id");
    assertSameView(CustomerBehaviourView.read(t.bank, ProgressListener.NONE),
        byKey(out.resolve("customer_features"), "parquet", "customer_id"), "customer_id");
  }

  private static void assertSameView(Table local, Map<String, Row> spark, String key) {
    assertThat(spark).hasSize(local.rows());
    Column ids = local.column(key);
    int compared = 0;
    for (Column c : local.columns()) {
      if (FeaturesJob.TRUTH.contains(c.name())) {
        continue;
      }
      for (int i = 0; i < local.rows(); i++) {
        Row r = spark.get(ids.text(i));
        Object v = r.getAs(c.name());
        String where = c.name() + " of " + ids.text(i);
        if (c instanceof NumericColumn n) {
          if (n.isMissing(i)) {
            assertThat(v).as(where).isNull();
          } else {
            assertThat((Double) v).as(where).isCloseTo(n.get(i), within(1e-9));
          }
        } else if (c instanceof DateColumn d) {
          assertThat(v).as(where).isEqualTo(d.date(i).orElse(null));
        } else if (c instanceof CategoricalColumn s) {
          assertThat(v).as(where).isEqualTo(s.level(i).orElse(null));
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(1_000);
  }

  @Test
  void scoresEqualPredictOnTheBankDirectory() {
    assertScoresEqualPredict(t.loanModel);
  }

  @Test
  void anXgboostBundleScoresAsInOneJvm() {
    assertScoresEqualPredict(t.boostedModel);
  }

  private void assertScoresEqualPredict(Path bundle) {
    Path out = t.out("score");
    NightlyJob.Summary s = run("score", "--bank", t.bank.toString(), "--model", bundle.toString(),
        "--out", out.toString(), "--format", "csv");
    LoanDefaultModel model = LoanDefaultModel.load(bundle);
    Table view = LoanApplicationView.read(t.bank, ProgressListener.NONE);
    double[] p = model.probabilities(view);
    Map<String, Row> scores = byKey(out.resolve("scores"), "csv", "loan_id");
    assertThat(s.rejects()).isZero();
    assertThat(scores).hasSize(view.rows());
    for (int i = 0; i < view.rows(); i++) {
      Row r = scores.get(view.column("loan_id").text(i));
      assertThat(Double.parseDouble(r.getAs("probability"))).isCloseTo(p[i], within(1e-9));
      assertThat((String) r.getAs("decision")).isEqualTo(model.decide(p[i]).label());
      assertThat(Long.parseLong(r.getAs("score"))).isEqualTo(model.score(p[i]));
      assertThat((String) r.getAs("grade")).isEqualTo(model.grade(p[i]));
    }
  }

  @Test
  void segmentsEqualTheSingleJvmAssignment() {
    Path out = t.out("segment");
    run("segment", "--bank", t.bank.toString(), "--model", t.segmentation.toString(), "--out", out.toString());
    Table view = CustomerBehaviourView.read(t.bank, ProgressListener.NONE);
    int[] local = FittedSegmentation.load(t.segmentation).assign(view);
    Map<String, Row> spark = byKey(out.resolve("segments"), "parquet", "customer_id");
    assertThat(spark).hasSize(view.rows());
    for (int i = 0; i < view.rows(); i++) {
      assertThat(spark.get(view.column("customer_id").text(i)).<Integer>getAs("segment")).isEqualTo(local[i]);
    }
  }

  @Test
  void recommendationsEqualRecommendAll() {
    Path out = t.out("recommend");
    run("recommend", "--bank", t.bank.toString(), "--k", "7", "--out", out.toString(), "--format", "csv");
    BankHoldings bank = BankHoldings.read(t.bank);
    InteractionMatrix m = bank.matrix();
    ItemRecommender model = RecommenderSpec.builder().build().fit(m);
    TopK top = model.recommendAll(m, 7, bank.eligibility(m, bank.lastOpened().orElseThrow()), new int[0], ProgressListener.NONE);
    Map<String, Row> spark = new HashMap<>();
    for (Row r : NightlyJob.read(t.spark, out.resolve("recommendations").toString(), "csv").collectAsList()) {
      spark.put(r.getAs("customer_id") + "#" + r.getAs("rank"), r);
    }
    int rows = 0;
    for (int c = 0; c < top.customers(); c++) {
      for (int r = 0; r < top.count(c); r++) {
        Row s = spark.get(bank.customerId(c) + "#" + (r + 1));
        assertThat(s).as(bank.customerId(c) + " rank " + (r + 1)).isNotNull();
        assertThat((String) s.getAs("product_id")).isEqualTo(bank.productId(top.item(c, r)));
        assertThat(Double.parseDouble(s.getAs("score"))).isCloseTo(Math.round(top.score(c, r) * 1e6) / 1e6, within(1e-9));
        assertThat((String) s.getAs("reason")).isEqualTo(top.reason(c, r));
        rows++;
      }
    }
    assertThat(spark).hasSize(rows);
    assertThat(rows).isGreaterThan(SparkTestBank.CUSTOMERS);
  }

  @Test
  void generatedPartsAreTheLocalFilesByteForByte() throws Exception {
    Path out = t.out("generate");
    int customers = 1_100; // three partitions of 500
    GenerateJob.generate(t.spark, dev.bankml.data.synth.SyntheticBank.builder().customers(customers).seed(21).build(),
        out.toString(), "csv", 500);
    Path local = t.out("local");
    dev.bankml.data.synth.SyntheticBank.builder().customers(customers).seed(21).threads(1).build()
        .generate(local, ProgressListener.NONE);
    for (String f : List.of(BankFiles.CUSTOMERS, BankFiles.LOANS, BankFiles.TRANSACTIONS, BankFiles.PRODUCTS,
        BankFiles.HOLDINGS, BankFiles.LOAN_DEFAULT_PROBABILITY, BankFiles.CUSTOMER_PERSONA, BankFiles.PRODUCT_PROPENSITY)) {
      assertThat(GeneratedParts.concatenate(out.resolve(f))).as(f)
          .isEqualTo(java.nio.file.Files.readString(local.resolve(f)));
    }
  }
}
