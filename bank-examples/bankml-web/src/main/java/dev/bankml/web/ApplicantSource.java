package dev.bankml.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Known customers as loan applicants on one day: what the loan form fills from a customer id. */
public interface ApplicantSource {
  /** The day the profiles describe (nothing on or after it is used). */
  LocalDate asOf();

  /**
   * The customer's profile and account behaviour as of {@link #asOf()}, one text value per column
   * (numbers as plain decimals, categories as their value; a missing value is absent), or empty for
   * an unknown customer.
   */
  Optional<Map<String, String>> applicant(String customerId);
}
