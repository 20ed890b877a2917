package dev.bankml.recommender.eval;

/** The true probability that a customer takes up an item, known only for generated data. */
@FunctionalInterface
public interface Propensity {
  /** Customer {@code customer}'s true propensity for item {@code item} (both 0-based indices). */
  double of(int customer, int item);
}
