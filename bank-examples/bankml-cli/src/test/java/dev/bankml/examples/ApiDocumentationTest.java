package dev.bankml.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.segment.CustomerSegmentation;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.Recommendation;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.bank.BankHoldings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs of docs/api.md, word for word, run on a generated bank: the page cannot show code
 * that does not compile or does not work.
 */
class ApiDocumentationTest {
  @TempDir static Path dir;
  static Path bankDir;

  @BeforeAll
  static void bank() {
    bankDir = dir.resolve("bank");
    SyntheticBank.builder().customers(400).seed(5).build().generate(bankDir, ProgressListener.NONE);
  }

  @Test
  void loanDefault() {
    Path modelFile = dir.resolve("loans.bankml");
    // ---- docs/api.md: Will this loan default? ----
    Table loans = LoanApplicationView.read(bankDir, ProgressListener.NONE);   // or CsvTableReader.defaults().read(csv)
    LoanDefaultModel model = LoanDefaultOptions.builder()
        .backend("tribuo").algorithm("logistic").idColumn("loan_id").build()
        .fit(loans);
    model.save(modelFile);

    LoanDefaultModel loaded = LoanDefaultModel.load(modelFile);
    Map<String, Object> applicant = loans.row(0);
    Assessment answer = loaded.assess(applicant);   // probability, decision, score, grade, reasons
    double[] probabilities = loaded.probabilities(loans);
    // ----
    assertThat(answer.probability()).isEqualTo(probabilities[0]).isEqualTo(model.probability(applicant));
    assertThat(probabilities).hasSize(loans.rows());
  }

  @Test
  void segmentation() {
    Path segmentationFile = dir.resolve("segments.bankml");
    // ---- docs/api.md: Which kind of customer is this? ----
    Table customers = CustomerBehaviourView.read(bankDir, ProgressListener.NONE);
    FittedSegmentation segmentation = CustomerSegmentation.builder().k(6).seed(7).build()
        .fit(customers);
    segmentation.save(segmentationFile);

    FittedSegmentation loadedSegmentation = FittedSegmentation.load(segmentationFile);
    int[] segments = loadedSegmentation.assign(customers);
    int segment = loadedSegmentation.assign(customers.row(0));
    String name = loadedSegmentation.name(segment);   // e.g. "Frequent travel · High income"
    // ----
    assertThat(segments).containsExactly(segmentation.trainingLabels());
    assertThat(segment).isEqualTo(segments[0]);
    assertThat(name).isEqualTo(segmentation.profiles().get(segment).name());
  }

  @Test
  void recommendation() throws IOException {
    Path recommenderFile = dir.resolve("recommender.bankml");
    // ---- docs/api.md: Which product should we offer next? ----
    BankHoldings bank = BankHoldings.read(bankDir);
    InteractionMatrix holdings = bank.matrix();
    ItemRecommender recommender = RecommenderSpec.defaults().fit(holdings);
    recommender.save(recommenderFile);

    ItemRecommender loadedRecommender = ItemRecommender.load(recommenderFile);
    int customer = bank.customerIndex(bank.customerId(0));
    List<Recommendation> offers = loadedRecommender.recommend(customer, holdings.itemsOf(customer),
        ItemRecommender.NO_SEGMENT, 3, bank.eligibility(holdings, bank.defaultCutoff()));
    // ----
    assertThat(offers).hasSizeLessThanOrEqualTo(3).isNotEmpty()
        .allSatisfy(r -> assertThat(holdings.holds(customer, r.item())).isFalse());
    assertThat(offers).isEqualTo(recommender.recommend(customer, holdings.itemsOf(customer),
        ItemRecommender.NO_SEGMENT, 3, bank.eligibility(holdings, bank.defaultCutoff())));
  }

  @Test
  void everyCodeBlockOfThePageIsOneOfTheseProgramsWordForWord() throws IOException {
    String page = Files.readString(Path.of("../../docs/api.md"));
    String source = squeeze(Files.readString(Path.of("src/test/java/dev/bankml/examples/ApiDocumentationTest.java")));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(source).contains(squeeze(b)));
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
