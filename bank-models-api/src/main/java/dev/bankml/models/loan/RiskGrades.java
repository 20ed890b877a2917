package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Risk grades by bands of the probability of default: grade {@code A} (safest) for a probability
 * below the first upper bound, {@code B} below the second, and so on; the last grade takes the
 * rest. The default scale has seven grades:
 *
 * <pre>
 * grade  probability of default   score points (default scaling, 600 at 19:1, 50 to double)
 *   A      below  1 %              above 719
 *   B      1 % to 2.5 %            652 to 719
 *   C      2.5 % to 5 %            600 to 652
 *   D      5 % to 10 %             546 to 600
 *   E     10 % to 20 %             488 to 546
 *   F     20 % to 35 %             432 to 488
 *   G     35 % and above           432 and below
 * </pre>
 *
 * Bands on the probability rather than on points keep a grade's meaning when the score scaling
 * changes. Stored in the model bundle next to the score scaling.
 *
 * @param upperBounds strictly increasing upper bounds in (0, 1); there is one grade more than bounds
 */
public record RiskGrades(List<Double> upperBounds) {
  /** A &lt; 1 %, B &lt; 2.5 %, C &lt; 5 %, D &lt; 10 %, E &lt; 20 %, F &lt; 35 %, G otherwise. */
  public static final RiskGrades DEFAULT = new RiskGrades(List.of(0.01, 0.025, 0.05, 0.10, 0.20, 0.35));

  public RiskGrades {
    upperBounds = List.copyOf(upperBounds);
    if (upperBounds.isEmpty() || upperBounds.size() > 25) {
      throw new BankmlException("risk grades need 1 to 25 upper bounds (2 to 26 grades), got " + upperBounds.size());
    }
    for (int i = 0; i < upperBounds.size(); i++) {
      double b = upperBounds.get(i);
      if (!(b > 0 && b < 1) || (i > 0 && b <= upperBounds.get(i - 1))) {
        throw new BankmlException("risk grade bound " + (i + 1) + " is " + b
            + "; bounds must lie strictly between 0 and 1 and increase, got " + upperBounds);
      }
    }
  }

  /** The grade letter ({@code A}, {@code B}, …) of probability of default {@code p}. */
  public String grade(double p) {
    for (int i = 0; i < upperBounds.size(); i++) {
      if (p < upperBounds.get(i)) {
        return letter(i);
      }
    }
    return letter(upperBounds.size());
  }

  /** Every grade letter, safest first. */
  public List<String> letters() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= upperBounds.size(); i++) {
      out.add(letter(i));
    }
    return out;
  }

  private static String letter(int i) {
    return String.valueOf((char) ('A' + i));
  }

  /** Grades as a format-1 bundle stored them ({@code {"upper_bounds": [...]}}); the default scale when absent. */
  static RiskGrades fromManifest(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      return DEFAULT;
    }
    if (!(m.get("upper_bounds") instanceof List<?> list)) {
      throw new BankmlException("model bundle: 'risk_grades' has no list 'upper_bounds'");
    }
    List<Double> bounds = new ArrayList<>();
    for (Object v : list) {
      if (!(v instanceof Number n)) {
        throw new BankmlException("model bundle: 'risk_grades' bound " + v + " is not a number");
      }
      bounds.add(n.doubleValue());
    }
    return new RiskGrades(bounds);
  }
}
