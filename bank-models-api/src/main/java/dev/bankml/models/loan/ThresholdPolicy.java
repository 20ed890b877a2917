package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.models.metrics.ConfusionMatrix;
import dev.bankml.models.metrics.ThresholdCurves;
import java.util.Arrays;

/**
 * How the decision threshold on the probability of default is chosen from validation predictions
 * (out-of-fold during training). A row whose probability is at or above the threshold is declined.
 */
public sealed interface ThresholdPolicy {
  /** The threshold for validation {@code labels} and {@code probabilities}. */
  double choose(int[] labels, double[] probabilities);

  /** A short description stored in the model bundle, e.g. {@code max-f1}. */
  String describe();

  /** Always {@code threshold}. */
  record Fixed(double threshold) implements ThresholdPolicy {
    public Fixed {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new BankmlException("threshold must be in [0, 1], got " + threshold);
      }
    }

    @Override
    public double choose(int[] labels, double[] probabilities) {
      return threshold;
    }

    @Override
    public String describe() {
      return "fixed " + threshold;
    }
  }

  /** The threshold with the highest F1 for the positive (default) class. */
  record MaxF1() implements ThresholdPolicy {
    @Override
    public double choose(int[] labels, double[] probabilities) {
      double best = 0.5;
      double bestF1 = -1;
      ThresholdCurves curves = ThresholdCurves.of(labels, probabilities);
      for (double t : candidates(probabilities)) {
        double f1 = curves.at(t).f1();
        if (f1 > bestF1) {
          bestF1 = f1;
          best = t;
        }
      }
      return best;
    }

    @Override
    public String describe() {
      return "max-f1";
    }
  }

  /**
   * The threshold with the lowest total cost, where approving a defaulter (false negative) costs
   * {@code costFalseNegative} and declining a good payer (false positive) {@code costFalsePositive}.
   */
  record MinCost(double costFalseNegative, double costFalsePositive) implements ThresholdPolicy {
    public MinCost {
      if (!(costFalseNegative >= 0 && costFalsePositive >= 0) || costFalseNegative + costFalsePositive == 0) {
        throw new BankmlException("costs must be non-negative and not both 0, got fn=" + costFalseNegative
            + " fp=" + costFalsePositive);
      }
    }

    @Override
    public double choose(int[] labels, double[] probabilities) {
      double best = 0.5;
      double bestCost = Double.POSITIVE_INFINITY;
      ThresholdCurves curves = ThresholdCurves.of(labels, probabilities);
      for (double t : candidates(probabilities)) {
        ConfusionMatrix cm = curves.at(t);
        double cost = costFalseNegative * cm.falseNegatives() + costFalsePositive * cm.falsePositives();
        if (cost < bestCost) {
          bestCost = cost;
          best = t;
        }
      }
      return best;
    }

    @Override
    public String describe() {
      return "min-cost fn=" + costFalseNegative + " fp=" + costFalsePositive;
    }
  }

  /** The threshold that approves (about) {@code rate} of the validation rows, the lowest-risk ones. */
  record ApprovalRate(double rate) implements ThresholdPolicy {
    public ApprovalRate {
      if (!(rate > 0 && rate < 1)) {
        throw new BankmlException("approval rate must be strictly between 0 and 1, got " + rate);
      }
    }

    @Override
    public double choose(int[] labels, double[] probabilities) {
      double[] s = probabilities.clone();
      Arrays.sort(s);
      int approved = (int) Math.round(rate * s.length);
      return approved >= s.length ? Math.nextUp(s[s.length - 1]) : s[Math.max(0, approved)];
    }

    @Override
    public String describe() {
      return "approval-rate " + rate;
    }
  }

  /** Every distinct probability plus one above the maximum (decline nobody), ascending. */
  private static double[] candidates(double[] probabilities) {
    double[] s = Arrays.stream(probabilities).distinct().sorted().toArray();
    double[] out = Arrays.copyOf(s, s.length + 1);
    out[s.length] = Math.nextUp(s.length == 0 ? 1 : s[s.length - 1]);
    return out;
  }
}
