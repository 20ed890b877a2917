package dev.bankml.data.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Who may open a product: an age band, a minimum income, products of which the customer must
 * already hold at least one ({@code requiresAny}, empty for none) and products that rule it out
 * ({@code excludes}). Stored as data in {@code products.csv} so it round-trips.
 */
public record Eligibility(
    int minAge, OptionalInt maxAge, double minIncome, List<String> requiresAny, List<String> excludes) {

  /** No restriction beyond being an adult. */
  public static final Eligibility ADULT =
      new Eligibility(18, OptionalInt.empty(), 0, List.of(), List.of());

  /** Validates the rules and copies the lists. */
  public Eligibility {
    Supplier<String> r = Rules.named("eligibility");
    Rules.range(r, "min_age", minAge, 0, 150);
    Rules.present(r, "max_age", maxAge);
    if (maxAge.isPresent()) {
      Rules.range(r, "max_age", maxAge.getAsInt(), minAge, 150);
    }
    Rules.nonNegative(r, "min_income", minIncome);
    requiresAny = Rules.list(r, "requires_any", requiresAny);
    excludes = Rules.list(r, "excludes", excludes);
  }

  /**
   * Whether {@code customer}, holding {@code heldProductIds}, may open the product on {@code asOf}.
   * Holding the product already is not checked here.
   */
  public boolean allows(Customer customer, Collection<String> heldProductIds, LocalDate asOf) {
    int age = customer.ageOn(asOf);
    if (age < minAge || (maxAge.isPresent() && age > maxAge.getAsInt())) {
      return false;
    }
    if (customer.annualIncome() < minIncome) {
      return false;
    }
    if (!requiresAny.isEmpty() && requiresAny.stream().noneMatch(heldProductIds::contains)) {
      return false;
    }
    return excludes.stream().noneMatch(heldProductIds::contains);
  }
}
