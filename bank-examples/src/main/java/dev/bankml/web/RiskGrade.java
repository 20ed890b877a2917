package dev.bankml.web;

/**
 * Risk grades A (safest) to F by probability of default, used until the loan model reports its
 * own grade (issue 5): A &lt; 2 %, B &lt; 5 %, C &lt; 10 %, D &lt; 20 %, E &lt; 35 %, F otherwise.
 */
final class RiskGrade {
  private static final double[] UPPER = {0.02, 0.05, 0.10, 0.20, 0.35};
  private static final String[] GRADES = {"A", "B", "C", "D", "E", "F"};

  private RiskGrade() {}

  static String of(double probability) {
    for (int i = 0; i < UPPER.length; i++) {
      if (probability < UPPER[i]) {
        return GRADES[i];
      }
    }
    return GRADES[UPPER.length];
  }
}
