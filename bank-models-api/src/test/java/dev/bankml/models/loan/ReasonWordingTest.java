package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.models.loan.ReasonWording.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonWordingTest {
  @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      debt_to_income           | HIGH | Debt-to-income ratio too high
      delinquencies            | HIGH | Recent delinquencies
      employment_years         | LOW  | Short employment history
      net_flow_180d            | LOW  | Low savings buffer
      gambling_share_90d       | HIGH | High share of gambling spend
      share_gambling_365d      | HIGH | High share of gambling spend
      net_flow_volatility_365d | HIGH | Irregular account cash flow
      buffer_months_180d       | LOW  | Low savings buffer
      days_since_income        | HIGH | No recent regular income
      credit_score             | LOW  | Low credit score
      returned_payments_90d    | HIGH | Returned (bounced) payments
      """)
  void loanViewColumnsReadAsAdverseActionReasons(String column, Direction direction, String phrase) {
    assertThat(ReasonWording.phrase(column, direction, "")).isEqualTo(phrase);
  }

  @ParameterizedTest(name = "{0} = {1} reads \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      employment_status | SELF_EMPLOYED | Employment status: self employed
      grade             | F             | Weak loan grade (F)
      checking_status   | no checking   | Checking status: no checking
      purpose           | (other)       | Loan purpose: uncommon value
      """)
  void categoryLevelsAreNamedInWords(String column, String level, String phrase) {
    assertThat(ReasonWording.phrase(column, Direction.LEVEL, level)).isEqualTo(phrase);
  }

  @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      creditAmount_eur             | UNKNOWN | Credit amount eur unfavourable
      months_at_address            | LOW     | Months at address low
      months_at_address            | HIGH    | Months at address high
      annual_income                | MISSING | Annual income not provided
      income_credits_180d          | HIGH    | Income credits high
      share_business_supplies_365d | HIGH    | High share of spending on business supplies
      share_rent_365d              | LOW     | Low share of spending on rent
      """)
  void unknownColumnsFallBackToTheirNameInWords(String column, Direction direction, String phrase) {
    assertThat(ReasonWording.phrase(column, direction, "")).isEqualTo(phrase);
  }

  @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      debt_to_income | LOW | Debt to income low
      """)
  void aPhraseIsOnlyUsedInTheDirectionItDescribes(String column, Direction direction, String phrase) {
    // a low debt-to-income that still raised a non-monotone model's risk must not read "too high"
    assertThat(ReasonWording.phrase(column, direction, "")).isEqualTo(phrase);
  }
}
