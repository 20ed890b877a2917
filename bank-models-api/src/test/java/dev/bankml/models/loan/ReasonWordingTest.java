package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.loan.ReasonWording.Direction;
import org.junit.jupiter.api.Test;

class ReasonWordingTest {
  @Test
  void loanViewColumnsReadAsAdverseActionReasons() {
    assertThat(ReasonWording.phrase("debt_to_income", Direction.HIGH, "")).isEqualTo("Debt-to-income ratio too high");
    assertThat(ReasonWording.phrase("delinquencies", Direction.HIGH, "")).isEqualTo("Recent delinquencies");
    assertThat(ReasonWording.phrase("employment_years", Direction.LOW, "")).isEqualTo("Short employment history");
    assertThat(ReasonWording.phrase("net_flow_180d", Direction.LOW, "")).isEqualTo("Low savings buffer");
    assertThat(ReasonWording.phrase("gambling_share_90d", Direction.HIGH, "")).isEqualTo("High share of gambling spend");
    assertThat(ReasonWording.phrase("share_gambling_365d", Direction.HIGH, "")).isEqualTo("High share of gambling spend");
    assertThat(ReasonWording.phrase("net_flow_volatility_365d", Direction.HIGH, "")).isEqualTo("Irregular account cash flow");
    assertThat(ReasonWording.phrase("buffer_months_180d", Direction.LOW, "")).isEqualTo("Low savings buffer");
    assertThat(ReasonWording.phrase("days_since_income", Direction.HIGH, "")).isEqualTo("No recent regular income");
    assertThat(ReasonWording.phrase("credit_score", Direction.LOW, "")).isEqualTo("Low credit score");
    assertThat(ReasonWording.phrase("returned_payments_90d", Direction.HIGH, "")).isEqualTo("Returned (bounced) payments");
  }

  @Test
  void categoryLevelsAreNamedInWords() {
    assertThat(ReasonWording.phrase("employment_status", Direction.LEVEL, "SELF_EMPLOYED"))
        .isEqualTo("Employment status: self employed");
    assertThat(ReasonWording.phrase("grade", Direction.LEVEL, "F")).isEqualTo("Weak loan grade (F)");
    assertThat(ReasonWording.phrase("checking_status", Direction.LEVEL, "no checking"))
        .isEqualTo("Checking status: no checking");
    assertThat(ReasonWording.phrase("purpose", Direction.LEVEL, "(other)")).isEqualTo("Loan purpose: uncommon value");
  }

  @Test
  void unknownColumnsFallBackToTheirNameInWords() {
    assertThat(ReasonWording.phrase("creditAmount_eur", Direction.UNKNOWN, "")).isEqualTo("Credit amount eur unfavourable");
    assertThat(ReasonWording.phrase("months_at_address", Direction.LOW, "")).isEqualTo("Months at address low");
    assertThat(ReasonWording.phrase("months_at_address", Direction.HIGH, "")).isEqualTo("Months at address high");
    assertThat(ReasonWording.phrase("annual_income", Direction.MISSING, "")).isEqualTo("Annual income not provided");
    assertThat(ReasonWording.phrase("income_credits_180d", Direction.HIGH, "")).isEqualTo("Income credits high");
    assertThat(ReasonWording.phrase("share_business_supplies_365d", Direction.HIGH, ""))
        .isEqualTo("High share of spending on business supplies");
    assertThat(ReasonWording.phrase("share_rent_365d", Direction.LOW, "")).isEqualTo("Low share of spending on rent");
  }

  @Test
  void aPhraseIsOnlyUsedInTheDirectionItDescribes() {
    // a low debt-to-income that still raised a non-monotone model's risk must not read "too high"
    assertThat(ReasonWording.phrase("debt_to_income", Direction.LOW, "")).isEqualTo("Debt to income low");
  }
}
