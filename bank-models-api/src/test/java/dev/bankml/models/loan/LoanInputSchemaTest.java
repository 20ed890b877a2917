package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.bundle.ModelBundle;
import dev.bankml.models.schema.InvalidInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loan model carries one input schema, learnt when it is fitted, and scores nothing that fails it. */
class LoanInputSchemaTest {
  @TempDir Path dir;

  private static LoanDefaultModel model() {
    return LoanDefaultOptions.builder().backend("fake").idColumn("loan_id").folds(3).seed(7).threads(2).build()
        .fit(LoanDefaultModelTest.applications(600, 3));
  }

  @Test
  void theSchemaIsLearntFromTheTrainingDataAndTravelsWithTheBundle() {
    LoanDefaultModel m = model();
    assertThat(m.schema().names()).containsExactly("debt_to_income", "income", "purpose");
    assertThat(m.schema().otherColumns()).containsExactly("defaulted", "loan_id");
    assertThat(m.schema().field("income").orElseThrow().blankAllowed()).isTrue();
    assertThat(m.schema().field("debt_to_income").orElseThrow().blankAllowed()).isFalse();
    Path file = dir.resolve("loans.bankml");
    m.save(file);
    assertThat(LoanDefaultModel.load(file).schema()).isEqualTo(m.schema());
  }

  @Test
  void aBundleWrittenBeforeSchemasDerivesOneFromItsPipeline() {
    LoanDefaultModel m = model();
    Path file = dir.resolve("loans.bankml");
    m.save(file);
    ModelBundle b = ModelBundle.read(file);
    Map<String, byte[]> parts = new TreeMap<>(b.parts());
    parts.remove(LoanDefaultModel.SCHEMA_PART);
    Path old = dir.resolve("old.bankml");
    new ModelBundle(b.manifest(), parts).write(old);
    LoanDefaultModel legacy = LoanDefaultModel.load(old);
    assertThat(legacy.schema().fields()).isEqualTo(m.schema().fields());
    assertThat(legacy.schema().otherColumns()).containsExactly("defaulted", "loan_id");
    assertThat(legacy.schema().otherColumnsKnown()).isFalse();
    // the training data's other columns were not recorded: a column is unknown only when it looks like a misspelling
    assertThat(legacy.schema().columnProblems(java.util.List.of("debt_to_income", "income", "purpose", "branch"))).isEmpty();
    assertThat(legacy.schema().columnProblems(java.util.List.of("debt_to_income", "income", "purpose", "Incme")))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("did you mean 'income'?"));
  }

  @Test
  void scoringRefusesWhatTheSchemaRefusesInsteadOfImputingIt() {
    LoanDefaultModel m = model();
    Map<String, Object> r = new HashMap<>(Map.of("debt_to_income", 0.3, "income", 40000, "purpose", "car"));
    assertThat(m.probability(r)).isBetween(0.0, 1.0);
    r.put("debt_to_income", 1e308);
    assertThatThrownBy(() -> m.assess(r)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field 'debt_to_income', value '1.0E308': is outside the plausible range");
    assertThatThrownBy(() -> m.probability(Map.of("income", 40000))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'debt_to_income', 'purpose' are absent");
    Table noColumns = Table.of(NumericColumn.of("foo", 1, 2), NumericColumn.of("bar", 3, 4));
    assertThatThrownBy(() -> m.probabilities(noColumns)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'debt_to_income': is absent");
  }
}
