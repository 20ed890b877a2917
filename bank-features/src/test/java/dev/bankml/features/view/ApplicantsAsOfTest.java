package dev.bankml.features.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.Table;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicantsAsOfTest {
  @Test
  void aCustomerAsOfAnApplicationDayHasTheApplicantColumnsOfThatApplication(@TempDir Path dir) {
    SyntheticBank.builder().customers(120).seed(5).build().generate(dir, (t, d, n) -> {});
    Table loans = LoanApplicationView.read(dir, (t, d, n) -> {});
    for (int l : new int[] {0, loans.rows() / 2, loans.rows() - 1}) {
      Map<String, Object> loan = loans.row(l);
      String customer = String.valueOf(loan.get("customer_id"));
      LocalDate day = LocalDate.parse(loans.column("application_date").text(l));
      Table asOf = LoanApplicationView.applicantsAsOf(dir, day, (t, d, n) -> {});
      assertThat(asOf.columnNames()).doesNotContainAnyElementsOf(LoanApplicationView.LOAN_COLUMNS)
          .contains("customer_id", "annual_income", "txn_count_90d", "share_groceries_365d");
      int row = -1;
      for (int i = 0; i < asOf.rows(); i++) {
        if (asOf.column("customer_id").text(i).equals(customer)) {
          row = i;
        }
      }
      assertThat(row).as(customer).isNotNegative();
      Map<String, Object> applicant = asOf.row(row);
      for (String column : asOf.columnNames()) {
        assertThat(applicant.get(column)).as(column + " of " + customer + " on " + day).isEqualTo(loan.get(column));
      }
    }
  }
}
