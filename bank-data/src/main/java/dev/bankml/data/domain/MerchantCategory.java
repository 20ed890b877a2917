package dev.bankml.data.domain;

/**
 * What a transaction pays for or where money comes from. Credits are {@code SALARY}, {@code PENSION},
 * {@code BUSINESS_INCOME}, {@code TRANSFER_IN} and {@code RETURNED_PAYMENT} (a direct debit that
 * bounced for lack of funds and came back); every other category is spending (a debit).
 */
public enum MerchantCategory {
  SALARY,
  PENSION,
  BUSINESS_INCOME,
  TRANSFER_IN,
  RETURNED_PAYMENT,
  RENT,
  MORTGAGE_PAYMENT,
  UTILITIES,
  GROCERIES,
  RESTAURANTS,
  ENTERTAINMENT,
  SHOPPING,
  TRAVEL,
  TRANSPORT,
  HEALTH,
  EDUCATION,
  CHILDCARE,
  BUSINESS_SUPPLIES,
  CASH_WITHDRAWAL,
  GAMBLING,
  INVESTMENT_TRANSFER,
  TRANSFER_OUT;

  /** The direction money moves in this category. */
  public Direction direction() {
    return switch (this) {
      case SALARY, PENSION, BUSINESS_INCOME, TRANSFER_IN, RETURNED_PAYMENT -> Direction.CREDIT;
      default -> Direction.DEBIT;
    };
  }

  /** Whether this category is income (salary, pension or business income). */
  public boolean isIncome() {
    return this == SALARY || this == PENSION || this == BUSINESS_INCOME;
  }
}
