package dev.bankml.data.synth;

import dev.bankml.data.domain.Eligibility;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductCategory;
import java.util.List;
import java.util.OptionalInt;

/** The synthetic bank's catalogue of twenty products with their eligibility rules. */
public final class ProductCatalogue {
  static final String CURRENT = "P01";
  static final String STUDENT_ACCOUNT = "P02";
  static final String SALARY_ACCOUNT = "P03";
  static final String PREMIUM_ACCOUNT = "P04";
  static final String BUSINESS_ACCOUNT = "P05";
  static final String CLASSIC_CARD = "P06";
  static final String GOLD_CARD = "P07";
  static final String PERSONAL_LOAN = "P08";
  static final String CAR_LOAN = "P09";
  static final String MORTGAGE = "P10";
  static final String HOME_INSURANCE = "P11";
  static final String SAVINGS = "P12";
  static final String TERM_DEPOSIT = "P13";
  static final String INVESTMENT_FUND = "P14";
  static final String BROKERAGE = "P15";
  static final String LIFE_INSURANCE = "P16";
  static final String TRAVEL_INSURANCE = "P17";
  static final String PENSION_PLAN = "P18";
  static final String STUDENT_LOAN = "P19";
  static final String BUSINESS_LOAN = "P20";

  private static final List<Product> PRODUCTS = List.of(
      product(CURRENT, "Current account", ProductCategory.ACCOUNT, 16, 0, 0, List.of(), List.of()),
      product(STUDENT_ACCOUNT, "Student account", ProductCategory.ACCOUNT, 16, 26, 0, List.of(), List.of(PREMIUM_ACCOUNT)),
      product(SALARY_ACCOUNT, "Salary account", ProductCategory.ACCOUNT, 18, 0, 12_000, List.of(), List.of()),
      product(PREMIUM_ACCOUNT, "Premium account", ProductCategory.ACCOUNT, 25, 0, 90_000, List.of(), List.of(STUDENT_ACCOUNT)),
      product(BUSINESS_ACCOUNT, "Business account", ProductCategory.ACCOUNT, 18, 0, 0, List.of(), List.of()),
      product(CLASSIC_CARD, "Classic credit card", ProductCategory.CARD, 18, 0, 12_000,
          List.of(CURRENT, STUDENT_ACCOUNT, SALARY_ACCOUNT, PREMIUM_ACCOUNT), List.of()),
      product(GOLD_CARD, "Gold credit card", ProductCategory.CARD, 21, 0, 50_000, List.of(SALARY_ACCOUNT, PREMIUM_ACCOUNT), List.of()),
      product(PERSONAL_LOAN, "Personal loan", ProductCategory.LOAN, 18, 0, 12_000,
          List.of(CURRENT, SALARY_ACCOUNT, PREMIUM_ACCOUNT), List.of()),
      product(CAR_LOAN, "Car loan", ProductCategory.LOAN, 18, 0, 20_000, List.of(), List.of()),
      product(MORTGAGE, "Mortgage", ProductCategory.MORTGAGE, 21, 70, 30_000, List.of(SALARY_ACCOUNT, PREMIUM_ACCOUNT), List.of()),
      product(HOME_INSURANCE, "Home insurance", ProductCategory.INSURANCE, 18, 0, 0, List.of(), List.of()),
      product(SAVINGS, "Savings account", ProductCategory.SAVINGS, 16, 0, 0, List.of(), List.of()),
      product(TERM_DEPOSIT, "Fixed-term deposit", ProductCategory.SAVINGS, 18, 0, 0, List.of(SAVINGS), List.of()),
      product(INVESTMENT_FUND, "Investment fund", ProductCategory.INVESTMENT, 18, 0, 40_000, List.of(), List.of()),
      product(BROKERAGE, "Brokerage account", ProductCategory.INVESTMENT, 21, 0, 80_000,
          List.of(INVESTMENT_FUND, PREMIUM_ACCOUNT), List.of()),
      product(LIFE_INSURANCE, "Life insurance", ProductCategory.INSURANCE, 18, 70, 0, List.of(), List.of()),
      product(TRAVEL_INSURANCE, "Travel insurance", ProductCategory.INSURANCE, 18, 0, 0, List.of(), List.of()),
      product(PENSION_PLAN, "Pension plan", ProductCategory.PENSION, 18, 64, 20_000, List.of(), List.of()),
      product(STUDENT_LOAN, "Student loan", ProductCategory.LOAN, 18, 30, 0, List.of(STUDENT_ACCOUNT), List.of()),
      product(BUSINESS_LOAN, "Business loan", ProductCategory.LOAN, 21, 0, 0, List.of(BUSINESS_ACCOUNT), List.of()));

  private ProductCatalogue() {}

  /** The twenty products, in id order. */
  public static List<Product> standard() {
    return PRODUCTS;
  }

  static int indexOf(String productId) {
    return (productId.charAt(1) - '0') * 10 + (productId.charAt(2) - '0') - 1;
  }

  private static Product product(String id, String name, ProductCategory category, int minAge, int maxAge,
      double minIncome, List<String> requiresAny, List<String> excludes) {
    OptionalInt max = maxAge == 0 ? OptionalInt.empty() : OptionalInt.of(maxAge);
    return new Product(id, name, category, new Eligibility(minAge, max, minIncome, requiresAny, excludes));
  }
}
