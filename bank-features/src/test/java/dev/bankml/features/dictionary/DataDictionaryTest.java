package dev.bankml.features.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDictionaryTest {
  @TempDir Path dir;

  @Test
  void everyColumnOfBothBankViewsHasAReadableLabelUnitDescriptionAndGroup() {
    Bank bank = SyntheticBank.builder().customers(60).seed(3).build().generate();
    List<String> columns = new ArrayList<>();
    for (Table t : List.of(LoanApplicationView.of(bank), CustomerBehaviourView.of(bank))) {
      columns.addAll(t.columnNames());
    }
    DataDictionary d = DataDictionary.bank();
    assertThat(columns).allSatisfy(c -> {
      assertThat(d.knows(c)).as(c).isTrue();
      ColumnDescription desc = d.describe(c);
      assertThat(desc.label()).as(c).doesNotContain("_").isNotBlank();
      assertThat(desc.description()).as(c).isNotBlank();
      assertThat(desc.group()).as(c).isNotEqualTo(DataDictionary.OTHER);
    });
  }

  @Test
  void noTwoColumnsOfAViewShareALabel() {
    // charts, reasons and correlation maps list a view's columns side by side: "Spending" three times would say nothing
    Bank bank = SyntheticBank.builder().customers(60).seed(3).build().generate();
    DataDictionary d = DataDictionary.bank();
    for (Table t : List.of(LoanApplicationView.of(bank), CustomerBehaviourView.of(bank))) {
      assertThat(t.columnNames().stream().map(c -> d.describe(c).label())).doesNotHaveDuplicates();
    }
    assertThat(d.describe("spend_90d").label()).isEqualTo("Spending (90 days)");
  }

  @Test
  void loanApplicationColumnsFallIntoTheFormSections() {
    DataDictionary d = DataDictionary.bank();
    assertThat(d.describe("amount").group()).isEqualTo(DataDictionary.APPLICATION);
    assertThat(d.describe("annual_income").group()).isEqualTo(DataDictionary.APPLICANT);
    assertThat(d.describe("delinquencies").group()).isEqualTo(DataDictionary.CREDIT_HISTORY);
    assertThat(d.describe("txn_count_90d").group()).isEqualTo("Account behaviour · 90 days");
    assertThat(d.describe("net_flow_180d").group()).isEqualTo("Account behaviour · 180 days");
    assertThat(d.describe("share_business_supplies_365d"))
        .returns("Business supplies share", ColumnDescription::label)
        .returns(DataDictionary.SPENDING_MIX, ColumnDescription::group);
    assertThat(d.describe("term_months").unit()).isEqualTo("months");
  }

  @Test
  void labelsOfUnknownColumnsAreDerivedFromTheirNames() {
    assertThat(DataDictionary.readableLabel("txn_count_90d")).isEqualTo("Transactions count (90 days)");
    assertThat(DataDictionary.readableLabel("loanAmount")).isEqualTo("Loan amount");
    assertThat(DataDictionary.readableLabel("dti")).isEqualTo("Debt-to-income");
    assertThat(DataDictionary.readableLabel("balance_12m")).isEqualTo("Balance (12 months)");
    assertThat(DataDictionary.readableLabel("x")).isEqualTo("X");
    ColumnDescription other = DataDictionary.empty().describe("months_on_book");
    assertThat(other.group()).isEqualTo(DataDictionary.OTHER);
    assertThat(other.label()).isEqualTo("Months on book");
  }

  @Test
  void categoryValuesAreReadable() {
    assertThat(DataDictionary.readableLevel("SELF_EMPLOYED")).isEqualTo("Self employed");
    assertThat(DataDictionary.readableLevel("ATM")).isEqualTo("ATM");
    assertThat(DataDictionary.readableLevel("P08")).isEqualTo("P08");
    assertThat(DataDictionary.readableLevel("car")).isEqualTo("car");
    DataDictionary d = DataDictionary.bank().withLevels("product_id", Map.of("P08", "Personal loan"));
    assertThat(d.describe("product_id").levelLabel("P08")).isEqualTo("Personal loan");
    assertThat(d.describe("product_id").label()).isEqualTo("Product");
  }

  @Test
  void aDictionaryFileOverridesLabelsAndKeepsTheRest() throws Exception {
    Path file = dir.resolve("dict.csv");
    Files.writeString(file, "column,label,unit,description,group\n"
        + "amount,Principal,,,\n"
        + "months_on_book,Months on book,months,Months since the account opened.,Account\n");
    DataDictionary d = DataDictionary.bank().withOverrides(DataDictionary.read(file));
    assertThat(d.describe("amount").label()).isEqualTo("Principal");
    assertThat(d.describe("amount").unit()).isEqualTo(DataDictionary.MONEY);
    assertThat(d.describe("amount").group()).isEqualTo(DataDictionary.APPLICATION);
    assertThat(d.describe("months_on_book").group()).isEqualTo("Account");
    assertThat(d.describe("debt_to_income").label()).isEqualTo("Debt-to-income ratio");
    DataDictionary withProducts = DataDictionary.bank().withLevels("product_id", Map.of("P08", "Personal loan"))
        .withOverrides(DataDictionary.of(List.of(new ColumnDescription("product_id", "Loan product", "", "", "Application", Map.of()))));
    assertThat(withProducts.describe("product_id").label()).isEqualTo("Loan product");
    assertThat(withProducts.describe("product_id").levelLabel("P08")).isEqualTo("Personal loan");
  }

  @Test
  void aBadDictionaryFileIsRefusedNamingTheLine() throws Exception {
    Path noLabel = dir.resolve("a.csv");
    Files.writeString(noLabel, "column,unit\namount,$\n");
    assertThatThrownBy(() -> DataDictionary.read(noLabel)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("line 1 must name the columns 'column' and 'label'");
    Path twice = dir.resolve("b.csv");
    Files.writeString(twice, "column,label\namount,A\namount,B\n");
    assertThatThrownBy(() -> DataDictionary.read(twice)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("line 3").hasMessageContaining("described twice");
  }

  @Test
  void theManifestFormRoundTrips() {
    DataDictionary d = DataDictionary.bank().withLevels("product_id", Map.of("P08", "Personal loan"));
    DataDictionary back = DataDictionary.fromManifest(d.toManifest());
    assertThat(back.descriptions()).containsExactlyElementsOf(d.descriptions());
    assertThat(DataDictionary.fromManifest("nonsense").descriptions()).isEmpty();
    assertThat(DataDictionary.bank().select(List.of("amount", "nope", "term_months")).descriptions())
        .extracting(ColumnDescription::name).containsExactly("amount", "term_months");
  }
}
