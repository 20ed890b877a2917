package dev.bankml.spark;

import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Education;
import dev.bankml.data.domain.Eligibility;
import dev.bankml.data.domain.EmploymentStatus;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.HomeOwnership;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanGrade;
import dev.bankml.data.domain.LoanPurpose;
import dev.bankml.data.domain.MaritalStatus;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.ProductCategory;
import dev.bankml.data.domain.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;

/** Spark rows of the bank tables (read with {@link BankSchemas}) as the domain records the libraries take. */
final class Records {
  private Records() {}

  static Customer customer(Row r) {
    return new Customer(r.getAs("customer_id"), r.getAs("name"), r.getAs("email"), r.getAs("phone"), r.getAs("city"),
        r.getAs("region"), date(r, "birth_date"), r.<Double>getAs("annual_income"),
        EmploymentStatus.valueOf(r.getAs("employment_status")), r.<Integer>getAs("employment_years"),
        HomeOwnership.valueOf(r.getAs("home_ownership")), Education.valueOf(r.getAs("education")),
        MaritalStatus.valueOf(r.getAs("marital_status")), r.<Integer>getAs("dependents"),
        r.<Integer>getAs("credit_score"), date(r, "customer_since"));
  }

  static Loan loan(Row r) {
    return new Loan(r.getAs("loan_id"), r.getAs("customer_id"), r.getAs("product_id"), r.<Double>getAs("amount"),
        r.<Integer>getAs("term_months"), r.<Double>getAs("interest_rate"), LoanGrade.valueOf(r.getAs("grade")),
        LoanPurpose.valueOf(r.getAs("purpose")), date(r, "application_date"), r.<Double>getAs("debt_to_income"),
        r.<Double>getAs("existing_debt"), r.<Integer>getAs("delinquencies"), r.<Integer>getAs("recent_inquiries"),
        r.<Boolean>getAs("defaulted"));
  }

  static Transaction transaction(Row r) {
    return new Transaction(r.getAs("customer_id"), (LocalDateTime) r.getAs("timestamp"), r.<Double>getAs("amount"),
        Direction.valueOf(r.getAs("direction")), MerchantCategory.valueOf(r.getAs("category")),
        Channel.valueOf(r.getAs("channel")));
  }

  static Holding holding(Row r) {
    return new Holding(r.getAs("customer_id"), r.getAs("product_id"), date(r, "opened_date"));
  }

  static Product product(Row r) {
    Integer max = r.getAs("max_age");
    return new Product(r.getAs("product_id"), r.getAs("name"), ProductCategory.valueOf(r.getAs("category")),
        new Eligibility(r.<Integer>getAs("min_age"), max == null ? OptionalInt.empty() : OptionalInt.of(max),
            r.<Double>getAs("min_income"), ids(r.getAs("requires_any")), ids(r.getAs("excludes"))));
  }

  private static List<String> ids(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\\|")).map(String::trim).toList();
  }

  static LocalDate date(Row r, String column) {
    Object v = r.getAs(column);
    return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }
}
