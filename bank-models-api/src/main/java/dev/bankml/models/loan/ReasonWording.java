package dev.bankml.models.loan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words a risk-raising source column as an adverse-action reason a person can read. A table maps
 * known column names (the loan-application view's, and common names in public credit CSVs) with
 * the direction of the applicant's value to a phrase, e.g. {@code debt_to_income} high → "Debt-to-income
 * ratio too high", {@code employment_years} low → "Short employment history". Transaction-window
 * suffixes ({@code _90d}, {@code _180d}, {@code _365d}) are ignored. Spending shares
 * ({@code share_rent_365d}) read "High share of spending on rent". Any other column gets a readable
 * fallback from its name: "Loan duration high", "Checking status: no account", "Income not provided",
 * or "Savings unfavourable" when the direction is unknown.
 */
public final class ReasonWording {
  /** How the applicant's value of a column differs from the typical (training-mean) applicant. */
  public enum Direction {
    /** Above the typical value (or true, for a yes/no column). */
    HIGH,
    /** Below the typical value. */
    LOW,
    /** Not given. */
    MISSING,
    /** A category level (given separately). */
    LEVEL,
    /** Not known (e.g. a binned or reference level). */
    UNKNOWN
  }

  private record Rule(Pattern column, Direction direction, String phrase) {}

  private static final Pattern WINDOW = Pattern.compile("_\\d+d$");

  private static final List<Rule> RULES = List.of(
      rule("debt_to_income|dti|debt_ratio|debt_income_ratio", Direction.HIGH, "Debt-to-income ratio too high"),
      rule("delinquenc(y|ies)|delinq.*|num_?delinquencies|past_due.*|times_late.*", Direction.HIGH, "Recent delinquencies"),
      rule("employment_years|emp_length|employment_length|years_employed|employment_duration|years_in_job",
          Direction.LOW, "Short employment history"),
      rule("net_flow|buffer_months", Direction.LOW, "Low savings buffer"),
      rule("savings|savings_balance|balance|account_balance", Direction.LOW, "Low savings buffer"),
      rule("net_flow_volatility", Direction.HIGH, "Irregular account cash flow"),
      rule("gambling_share|share_gambling", Direction.HIGH, "High share of gambling spend"),
      rule("returned_payments|bounced_payments", Direction.HIGH, "Returned (bounced) payments"),
      rule("income_credits", Direction.LOW, "No recent regular income"),
      rule("days_since_income", Direction.HIGH, "No recent regular income"),
      rule("credit_score|fico|fico_score|bureau_score", Direction.LOW, "Low credit score"),
      rule("recent_inquiries|inquiries|inq_last_6mths|credit_inquiries", Direction.HIGH, "Many recent credit inquiries"),
      rule("loan_to_income", Direction.HIGH, "Loan amount high relative to income"),
      rule("instalment_to_income|installment_to_income|installment_rate|instalment_rate", Direction.HIGH,
          "Monthly repayment high relative to income"),
      rule("annual_income|income|monthly_income|salary", Direction.LOW, "Low income"),
      rule("existing_debt|total_debt|revol_bal", Direction.HIGH, "High existing debt"),
      rule("amount|loan_amount|loan_amnt|credit_amount", Direction.HIGH, "Large loan amount"),
      rule("term_months|term|duration|duration_months|duration_in_month", Direction.HIGH, "Long repayment term"),
      rule("interest_rate|int_rate", Direction.HIGH, "High interest rate on the loan"),
      rule("tenure_months|tenure|months_with_bank", Direction.LOW, "Short relationship with the bank"),
      rule("products_held", Direction.LOW, "Few products held with the bank"),
      rule("days_since_last_txn", Direction.HIGH, "No recent account activity"),
      rule("txn_count", Direction.LOW, "Little account activity"),
      rule("cash_share|share_cash.*", Direction.HIGH, "High share of cash withdrawals"),
      rule("spend", Direction.HIGH, "High spending"),
      rule("dependents|num_dependents", Direction.HIGH, "Many dependents"),
      rule("credit_history_length|credit_history_months|credit_history_years", Direction.LOW, "Short credit history"),
      rule("open_accounts|num_open_accounts", Direction.HIGH, "Many open credit accounts"),
      rule("revol_util|credit_utilization|utilization", Direction.HIGH, "High use of available credit"));

  private ReasonWording() {}

  private static Rule rule(String regex, Direction d, String phrase) {
    return new Rule(Pattern.compile(regex), d, phrase);
  }

  /**
   * The phrase for risk-raising {@code column} whose value lies in {@code direction}; {@code level}
   * is the category level for {@link Direction#LEVEL} (ignored otherwise).
   */
  public static String phrase(String column, Direction direction, String level) {
    String stem = WINDOW.matcher(column.trim().toLowerCase(Locale.ROOT)).replaceFirst("");
    for (Rule r : RULES) {
      if (r.direction() == direction && r.column().matcher(stem).matches()) {
        return r.phrase();
      }
    }
    String words = words(WINDOW.matcher(column.trim()).replaceFirst(""));
    if (stem.startsWith("share_") && (direction == Direction.HIGH || direction == Direction.LOW)) {
      String what = words(stem.substring("share_".length())).toLowerCase(Locale.ROOT);
      return (direction == Direction.HIGH ? "High" : "Low") + " share of spending on " + what;
    }
    return switch (direction) {
      case HIGH -> words + " high";
      case LOW -> words + " low";
      case MISSING -> words + " not provided";
      case LEVEL -> levelPhrase(stem, words, level);
      case UNKNOWN -> words + " unfavourable";
    };
  }

  private static String levelPhrase(String stem, String words, String level) {
    String value = level.equals("(other)") ? "uncommon value" : words(level).toLowerCase(Locale.ROOT);
    return switch (stem) {
      case "grade", "loan_grade", "sub_grade" -> "Weak loan grade (" + level + ")";
      case "employment_status", "employment_type" -> "Employment status: " + value;
      case "home_ownership", "housing" -> "Housing: " + value;
      case "purpose", "loan_purpose" -> "Loan purpose: " + value;
      case "product_id", "product" -> "Loan product: " + level;
      default -> words + ": " + value;
    };
  }

  /** A column name as words: {@code debt_to_income} → {@code Debt to income}, {@code loanAmount} → {@code Loan amount}. */
  public static String words(String column) {
    String s = column.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').trim()
        .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return s.isEmpty() ? column : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
