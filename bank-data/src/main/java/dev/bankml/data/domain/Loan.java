package dev.bankml.data.domain;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * One granted loan and whether it later defaulted (the observed label).
 *
 * @param productId the catalogue product of the loan (a {@link ProductCategory#LOAN} product)
 * @param amount the principal
 * @param termMonths the term in months
 * @param interestRate the yearly interest rate as a fraction (0.085 = 8.5 %)
 * @param debtToIncome monthly debt payments including this loan divided by monthly income
 * @param existingDebt outstanding debt elsewhere at application
 * @param delinquencies delinquencies in the two years before application
 * @param recentInquiries credit inquiries in the six months before application
 * @param defaulted whether the loan defaulted within its first year
 */
public record Loan(
    String loanId,
    String customerId,
    String productId,
    double amount,
    int termMonths,
    double interestRate,
    LoanGrade grade,
    LoanPurpose purpose,
    LocalDate applicationDate,
    double debtToIncome,
    double existingDebt,
    int delinquencies,
    int recentInquiries,
    boolean defaulted) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Loan {
    Supplier<String> r = Rules.describe("loan", loanId);
    Rules.id(r, "loan_id", loanId);
    Rules.id(r, "customer_id", customerId);
    Rules.id(r, "product_id", productId);
    Rules.positive(r, "amount", amount);
    Rules.range(r, "term_months", termMonths, 1, 600);
    Rules.range(r, "interest_rate", interestRate, 0.0, 1.0);
    Rules.present(r, "grade", grade);
    Rules.present(r, "purpose", purpose);
    Rules.present(r, "application_date", applicationDate);
    Rules.nonNegative(r, "debt_to_income", debtToIncome);
    Rules.nonNegative(r, "existing_debt", existingDebt);
    Rules.range(r, "delinquencies", delinquencies, 0, 100);
    Rules.range(r, "recent_inquiries", recentInquiries, 0, 100);
  }
}
