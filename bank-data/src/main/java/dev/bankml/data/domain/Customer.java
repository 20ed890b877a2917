package dev.bankml.data.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.function.Supplier;

/**
 * One customer of the bank. {@code name}, {@code email}, {@code phone}, {@code city} and
 * {@code region} are personal data: shown to people, never used as model features.
 *
 * @param annualIncome gross yearly income in the bank's currency
 * @param employmentYears years in the current employment (0 when not employed)
 * @param creditScore bureau credit score, 300 to 850
 * @param customerSince the date the customer joined the bank
 */
public record Customer(
    String customerId,
    String name,
    String email,
    String phone,
    String city,
    String region,
    LocalDate birthDate,
    double annualIncome,
    EmploymentStatus employmentStatus,
    int employmentYears,
    HomeOwnership homeOwnership,
    Education education,
    MaritalStatus maritalStatus,
    int dependents,
    int creditScore,
    LocalDate customerSince) {

  /** Validates every field; throws {@link InvalidRecordException} naming the bad one. */
  public Customer {
    Supplier<String> r = Rules.describe("customer", customerId);
    Rules.id(r, "customer_id", customerId);
    Rules.present(r, "name", name);
    Rules.present(r, "email", email);
    Rules.present(r, "phone", phone);
    Rules.present(r, "city", city);
    Rules.present(r, "region", region);
    Rules.present(r, "birth_date", birthDate);
    Rules.nonNegative(r, "annual_income", annualIncome);
    Rules.present(r, "employment_status", employmentStatus);
    Rules.range(r, "employment_years", employmentYears, 0, 80);
    Rules.present(r, "home_ownership", homeOwnership);
    Rules.present(r, "education", education);
    Rules.present(r, "marital_status", maritalStatus);
    Rules.range(r, "dependents", dependents, 0, 20);
    Rules.range(r, "credit_score", creditScore, 300, 850);
    Rules.present(r, "customer_since", customerSince);
    if (customerSince.isBefore(birthDate)) {
      throw new InvalidRecordException(
          r.get() + ": customer_since " + customerSince + " is before birth_date " + birthDate
              + "; a customer joins the bank after being born");
    }
  }

  /** The customer's age in whole years on {@code date}. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }
}
