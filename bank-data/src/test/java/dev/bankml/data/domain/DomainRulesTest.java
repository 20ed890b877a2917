package dev.bankml.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainRulesTest {
  static Customer customer(LocalDate birth, double income) {
    return new Customer("C1", "Ann Lee", "ann@example.com", "555", "Springfield", "Ohio", birth, income,
        EmploymentStatus.EMPLOYED, 3, HomeOwnership.RENT, Education.BACHELOR, MaritalStatus.SINGLE, 0, 700,
        birth.plusYears(20));
  }

  static Loan loan(String customerId, String productId, LocalDate applied) {
    return new Loan("L1", customerId, productId, 5000, 36, 0.09, LoanGrade.B, LoanPurpose.CAR, applied, 0.3, 0, 0, 1, false);
  }

  static final Product CURRENT = new Product("P01", "Current", ProductCategory.ACCOUNT, Eligibility.ADULT);
  static final Product CARD = new Product("P06", "Card", ProductCategory.CARD,
      new Eligibility(21, OptionalInt.of(70), 20_000, List.of("P01"), List.of("P99")));

  @Test
  void negativeAmountIsRefusedWithFieldAndValue() {
    assertThatThrownBy(() -> new Transaction("C1", LocalDateTime.of(2024, 1, 1, 9, 0), -3, Direction.DEBIT,
        MerchantCategory.GROCERIES, Channel.CARD))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("amount").hasMessageContaining("-3.0");
  }

  @Test
  void missingFieldIsRefusedNotAnNpeLater() {
    assertThatThrownBy(() -> new Holding("C1", "P01", null))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("opened_date is missing");
  }

  @Test
  void creditScoreOutsideTheBureauRangeIsRefused() {
    assertThatThrownBy(() -> new Customer("C1", "n", "e", "p", "c", "r", LocalDate.of(1990, 1, 1), 1, EmploymentStatus.EMPLOYED,
        1, HomeOwnership.RENT, Education.BACHELOR, MaritalStatus.SINGLE, 0, 900, LocalDate.of(2010, 1, 1)))
        .hasMessageContaining("credit_score is 900; must be between 300 and 850");
  }

  @Test
  void loanBeforeTheCustomersBirthIsRefused() {
    Customer c = customer(LocalDate.of(1990, 5, 1), 30_000);
    assertThatThrownBy(() -> new Bank(List.of(c), List.of(loan("C1", "P01", LocalDate.of(1980, 1, 1))), List.of(),
        List.of(CURRENT), List.of(), Optional.empty()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("before customer C1's birth_date");
  }

  @Test
  void holdingOfAnUnknownProductIsRefused() {
    Customer c = customer(LocalDate.of(1990, 5, 1), 30_000);
    assertThatThrownBy(() -> new Bank(List.of(c), List.of(), List.of(), List.of(CURRENT),
        List.of(new Holding("C1", "P42", LocalDate.of(2024, 1, 1))), Optional.empty()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("unknown product_id P42");
  }

  @Test
  void eligibilityChecksAgeIncomePrerequisitesAndExclusions() {
    LocalDate on = LocalDate.of(2024, 6, 1);
    Customer adult = customer(LocalDate.of(1990, 1, 1), 30_000);
    assertThat(CARD.eligible(adult, Set.of("P01"), on)).isTrue();
    assertThat(CARD.eligible(adult, Set.of(), on)).as("prerequisite").isFalse();
    assertThat(CARD.eligible(adult, Set.of("P01", "P99"), on)).as("exclusion").isFalse();
    assertThat(CARD.eligible(customer(LocalDate.of(1990, 1, 1), 10_000), Set.of("P01"), on)).as("income").isFalse();
    assertThat(CARD.eligible(customer(LocalDate.of(2004, 1, 1), 30_000), Set.of("P01"), on)).as("too young").isFalse();
    assertThat(CARD.eligible(customer(LocalDate.of(1950, 1, 1), 30_000), Set.of("P01"), on)).as("too old").isFalse();
  }

  @Test
  void eligibilityMaxAgeBelowMinAgeIsRefused() {
    assertThatThrownBy(() -> new Eligibility(30, OptionalInt.of(20), 0, List.of(), List.of()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("max_age");
  }

  @Test
  void incomeCategoriesAreCredits() {
    assertThat(MerchantCategory.SALARY.direction()).isEqualTo(Direction.CREDIT);
    assertThat(MerchantCategory.GAMBLING.direction()).isEqualTo(Direction.DEBIT);
    assertThat(MerchantCategory.RETURNED_PAYMENT.direction()).isEqualTo(Direction.CREDIT);
  }
}
