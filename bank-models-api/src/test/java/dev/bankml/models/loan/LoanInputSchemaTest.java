package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.data.bundle.BundleFormatException;
import dev.bankml.data.bundle.CraftedBundles;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.TamperedBundleException;
import dev.bankml.models.schema.InvalidInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
  void aBundleWhoseSchemaEntryWasRemovedIsRefused() {
    Path file = dir.resolve("loans.bankml");
    model().save(file);
    Path stripped = dir.resolve("stripped.bankml");
    CraftedBundles.rewrite(file, stripped, e -> e.remove(LoanBundle.SCHEMA_PART), true);
    assertThatThrownBy(() -> LoanDefaultModel.load(stripped)).isInstanceOf(TamperedBundleException.class);
    Path unsigned = dir.resolve("unsigned.bankml");
    CraftedBundles.rewrite(file, unsigned, e -> e.remove(LoanBundle.SCHEMA_PART), false);
    assertThatThrownBy(() -> LoanDefaultModel.load(unsigned, LoadOptions.defaults().trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'input-schema.json'");
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
        .hasMessageContaining("the model's input columns 'debt_to_income', 'purpose' (2) are absent");
    Table noColumns = Table.of(NumericColumn.of("foo", 1, 2), NumericColumn.of("bar", 3, 4));
    assertThatThrownBy(() -> m.probabilities(noColumns)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the model's input columns 'debt_to_income', 'income', 'purpose' (3) are absent")
        .hasMessageContaining("column 'foo': is not a column of this model");
  }
}
