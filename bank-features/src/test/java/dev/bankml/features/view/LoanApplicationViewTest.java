package dev.bankml.features.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Transaction;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoanApplicationViewTest {
  static Bank bank;
  static Table view;

  @BeforeAll
  static void generate() {
    bank = SyntheticBank.builder().customers(300).seed(11).build().generate();
    view = LoanApplicationView.of(bank);
  }

  @Test
  void oneRowPerLoanWithRolesThatKeepIdsTargetAndTruthOutOfFeatures() {
    assertThat(view.rows()).isEqualTo(bank.loans().size()).isPositive();
    assertThat(view.role("loan_id")).isEqualTo(ColumnRole.ID);
    assertThat(view.role("customer_id")).isEqualTo(ColumnRole.ID);
    assertThat(view.role("defaulted")).isEqualTo(ColumnRole.TARGET);
    assertThat(view.role("true_pd")).isEqualTo(ColumnRole.IGNORED);
    assertThat(view.columnNames()).doesNotContain("name", "email", "phone", "city", "region");
    FittedPipeline p = LoanApplicationView.pipeline().fit(view);
    assertThat(p.sources()).doesNotContain("loan_id", "customer_id", "defaulted", "true_pd", "application_date");
    FeatureMatrix x = p.transform(view);
    assertThat(x.rows()).isEqualTo(view.rows());
    assertThat(x.names()).contains("loan_to_income", "instalment_to_income", "spend_90d");
  }

  @Test
  void aTransactionOnOrAfterTheApplicationDateChangesNothing() {
    Loan loan = bank.loans().get(0);
    List<Transaction> ts = new ArrayList<>(bank.transactions());
    ts.add(new Transaction(loan.customerId(), loan.applicationDate().atTime(9, 0), 5_000, Direction.DEBIT,
        MerchantCategory.GAMBLING, Channel.ONLINE));
    ts.add(new Transaction(loan.customerId(), loan.applicationDate().plusDays(3).atTime(12, 0), 90_000, Direction.CREDIT,
        MerchantCategory.SALARY, Channel.ONLINE));
    Table planted = LoanApplicationView.of(withTransactions(ts));
    assertThat(planted.row(0)).isEqualTo(view.row(0));
  }

  @Test
  void theSameTransactionTheDayBeforeDoesChangeTheFeatures() {
    Loan loan = bank.loans().get(0);
    List<Transaction> ts = new ArrayList<>(bank.transactions());
    ts.add(new Transaction(loan.customerId(), loan.applicationDate().minusDays(1).atTime(23, 59), 5_000, Direction.DEBIT,
        MerchantCategory.GAMBLING, Channel.ONLINE));
    Table planted = LoanApplicationView.of(withTransactions(ts));
    assertThat(planted.numeric("spend_90d").get(0)).isEqualTo(view.numeric("spend_90d").get(0) + 5_000);
    assertThat(planted.numeric("gambling_share_90d").get(0)).isGreaterThan(view.numeric("gambling_share_90d").get(0));
    assertThat(planted.numeric("days_since_last_txn").get(0)).isEqualTo(1.0);
  }

  @Test
  void anIncomeCreditTwoDaysBeforeSetsDaysSinceIncomeAndRaisesTheBuffer() {
    Loan loan = bank.loans().get(0);
    List<Transaction> ts = new ArrayList<>(bank.transactions());
    ts.add(new Transaction(loan.customerId(), loan.applicationDate().minusDays(2).atTime(8, 0), 1_200, Direction.CREDIT,
        MerchantCategory.TRANSFER_IN, Channel.ONLINE));
    Table planted = LoanApplicationView.of(withTransactions(ts));
    assertThat(planted.numeric("days_since_income").get(0)).isEqualTo(Math.min(2.0, view.numeric("days_since_income").get(0)));
    double monthlyIncome = view.numeric("annual_income").get(0) / 12;
    assertThat(planted.numeric("buffer_months_180d").get(0))
        .isCloseTo(view.numeric("buffer_months_180d").get(0) + 1_200 / monthlyIncome, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(view.numeric("buffer_months_180d").get(0))
        .isCloseTo(view.numeric("net_flow_180d").get(0) / monthlyIncome, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void readingTheBankDirectoryGivesTheSameViewAsInMemory(@TempDir Path dir) {
    SyntheticBank.builder().customers(120).seed(5).build().generate(dir, (t, d, n) -> {});
    Table fromFiles = LoanApplicationView.read(dir, (t, d, n) -> {});
    assertThat(fromFiles.rows()).isPositive();
    assertThat(fromFiles.columnNames()).contains("income_credits_365d", "share_groceries_365d", "true_pd");
    Map<String, Object> first = fromFiles.row(0);
    assertThat(first).containsKeys("loan_id", "amount", "age_at_application");
  }

  private static Bank withTransactions(List<Transaction> ts) {
    return new Bank(bank.customers(), bank.loans(), ts, bank.products(), bank.holdings(), bank.truth());
  }
}
