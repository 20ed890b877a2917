package dev.bankml.recommender.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Education;
import dev.bankml.data.domain.Eligibility;
import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductCategory;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.io.BankCsvWriter;
import dev.bankml.data.io.BankTable;
import dev.bankml.recommender.eval.Holdout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankHoldingsTest {
  static Customer customer(String id, int birthYear, double income) {
    return new Customer(id, "Name " + id, id + "@example.com", "555", "City", "Region",
        LocalDate.of(birthYear, 1, 1), income, EmploymentStatus.EMPLOYED, 3, HomeOwnership.RENT,
        Education.BACHELOR, MaritalStatus.SINGLE, 0, 700, LocalDate.of(2015, 1, 1));
  }

  static final List<Customer> CUSTOMERS = List.of(
      customer("C1", 1980, 60_000), customer("C2", 2005, 5_000), customer("C3", 1990, 40_000));
  static final List<Product> PRODUCTS = List.of(
      new Product("P1", "Salary account", ProductCategory.ACCOUNT, Eligibility.ADULT),
      new Product("P2", "Mortgage", ProductCategory.MORTGAGE,
          new Eligibility(21, OptionalInt.of(70), 30_000, List.of("P1"), List.of())),
      new Product("P3", "Savings account", ProductCategory.SAVINGS, Eligibility.ADULT));
  static final List<Holding> HOLDINGS = List.of(
      new Holding("C1", "P1", LocalDate.of(2020, 1, 1)),
      new Holding("C1", "P2", LocalDate.of(2023, 6, 1)),
      new Holding("C3", "P3", LocalDate.of(2019, 3, 1)),
      new Holding("C3", "P1", LocalDate.of(2024, 2, 1)));

  @Test
  void indexesCustomersAndProductsInFileOrder() {
    BankHoldings b = BankHoldings.of(CUSTOMERS, PRODUCTS, HOLDINGS, List.of());
    assertThat(b.customerIndex("C3")).isEqualTo(2);
    assertThat(b.productId(1)).isEqualTo("P2");
    assertThat(b.matrix().itemsOf(0)).containsExactly(0, 1);
    assertThat(b.matrix().itemLabels()).containsExactly("Salary account", "Mortgage", "Savings account");
    assertThat(b.propensity()).isEmpty();
  }

  @Test
  void defaultCutoffIsOneYearBeforeTheLastOpening() {
    BankHoldings b = BankHoldings.of(CUSTOMERS, PRODUCTS, HOLDINGS, List.of());
    assertThat(b.defaultCutoff()).isEqualTo(LocalDate.of(2023, 2, 1));
    Holdout h = b.temporal(b.defaultCutoff());
    assertThat(h.train().itemsOf(0)).containsExactly(0);
    assertThat(h.test()[0]).containsExactly(1);
    assertThat(h.test()[2]).containsExactly(0);
  }

  @Test
  void eligibilityFollowsTheCatalogueRules() {
    BankHoldings b = BankHoldings.of(CUSTOMERS, PRODUCTS, HOLDINGS, List.of());
    LocalDate asOf = LocalDate.of(2024, 6, 1);
    var eligible = b.eligibility(b.temporal(LocalDate.of(2021, 1, 1)).train(), asOf);
    assertThat(eligible.eligible(0, 1)).isTrue(); // holds the salary account, earns enough
    assertThat(eligible.eligible(1, 1)).isFalse(); // 19, low income, no salary account
    assertThat(eligible.eligible(2, 1)).isFalse(); // salary account opened after 2021: not held yet
    assertThat(eligible.eligible(1, 2)).isTrue();
  }

  @Test
  void fastEligibilityAgreesWithTheCatalogueRulesForEveryCustomerAndProduct() {
    BankHoldings b = BankHoldings.of(CUSTOMERS, PRODUCTS, HOLDINGS, List.of());
    for (LocalDate asOf : List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2060, 1, 1))) {
      var held = b.temporal(asOf).train();
      var eligible = b.eligibility(held, asOf);
      for (int c = 0; c < CUSTOMERS.size(); c++) {
        List<String> ids = java.util.Arrays.stream(held.itemsOf(c)).mapToObj(b::productId).toList();
        for (int i = 0; i < PRODUCTS.size(); i++) {
          assertThat(eligible.eligible(c, i)).isEqualTo(PRODUCTS.get(i).eligible(CUSTOMERS.get(c), ids, asOf));
        }
      }
    }
  }

  @Test
  void fastEligibilityCountsWholeYearsLikeTheCatalogueRulesAroundBirthdays() {
    // birthdays just before, on and after the as-of day, 29 February, and a birth after it
    List<LocalDate> births = List.of(LocalDate.of(2003, 5, 31), LocalDate.of(2003, 6, 1), LocalDate.of(2003, 6, 2),
        LocalDate.of(2000, 2, 29), LocalDate.of(2004, 2, 29), LocalDate.of(1954, 6, 1), LocalDate.of(1954, 6, 2),
        LocalDate.of(2024, 7, 1), LocalDate.of(2025, 1, 1));
    List<Customer> customers = new java.util.ArrayList<>();
    for (int c = 0; c < births.size(); c++) {
      Customer base = customer("C" + c, 2000, 35_000);
      customers.add(new Customer(base.customerId(), base.name(), base.email(), base.phone(), base.city(),
          base.region(), births.get(c), base.annualIncome(), base.employmentStatus(), base.employmentYears(),
          base.homeOwnership(), base.education(), base.maritalStatus(), base.dependents(), base.creditScore(),
          births.get(c).isAfter(base.customerSince()) ? births.get(c) : base.customerSince()));
    }
    List<Product> products = List.of(
        new Product("P1", "Salary account", ProductCategory.ACCOUNT, Eligibility.ADULT),
        new Product("P2", "Mortgage", ProductCategory.MORTGAGE,
            new Eligibility(21, OptionalInt.of(70), 30_000, List.of("P1"), List.of())),
        new Product("P3", "Student account", ProductCategory.ACCOUNT,
            new Eligibility(0, OptionalInt.of(20), 0, List.of(), List.of("P1"))));
    List<Holding> holdings = List.of(new Holding("C1", "P1", LocalDate.of(2020, 1, 1)),
        new Holding("C4", "P1", LocalDate.of(2020, 1, 1)));
    BankHoldings b = BankHoldings.of(customers, products, holdings, List.of());
    for (LocalDate asOf : List.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29),
        LocalDate.of(2025, 2, 28), LocalDate.of(2024, 12, 31))) {
      var held = b.matrix();
      var eligible = b.eligibility(held, asOf);
      for (int c = 0; c < customers.size(); c++) {
        List<String> ids = java.util.Arrays.stream(held.itemsOf(c)).mapToObj(b::productId).toList();
        for (int i = 0; i < products.size(); i++) {
          assertThat(eligible.eligible(c, i))
              .as("customer born %s, product %s, on %s", births.get(c), products.get(i).productId(), asOf)
              .isEqualTo(products.get(i).eligible(customers.get(c), ids, asOf));
        }
      }
    }
  }

  @Test
  void unknownProductInHoldingsIsNamed() {
    List<Holding> bad = List.of(new Holding("C1", "P9", LocalDate.of(2020, 1, 1)));
    assertThatThrownBy(() -> BankHoldings.of(CUSTOMERS, PRODUCTS, bad, List.of()))
        .isInstanceOf(BankmlException.class)
        .hasMessageContaining("holdings row 1: product_id 'P9'");
  }

  @Test
  void readsABankDirectoryWithTruth(@TempDir Path dir) {
    BankCsvWriter.write(BankTable.CUSTOMERS, CUSTOMERS, dir);
    BankCsvWriter.write(BankTable.PRODUCTS, PRODUCTS, dir);
    BankCsvWriter.write(BankTable.HOLDINGS, HOLDINGS, dir);
    BankCsvWriter.write(BankTable.PRODUCT_PROPENSITY,
        List.of(new ProductPropensity("C2", "P3", 0.25)), dir);
    BankHoldings b = BankHoldings.read(dir);
    assertThat(b.holdingCount()).isEqualTo(4);
    assertThat(b.propensity()).isPresent();
    assertThat(b.propensity().get().of(1, 2)).isEqualTo(0.25);
    assertThat(b.propensity().get().of(1, 1)).isZero();
  }
}
