package dev.bankml.recommender;

import java.util.Locale;

/**
 * How strongly holding item i suggests item j, from co-occurrence counts. With {@code c} the number
 * of customers holding both, {@code n_i}, {@code n_j} the customers holding each and {@code N} all
 * customers:
 *
 * <ul>
 *   <li>{@link #COSINE}: c / √(n_i · n_j); with weights, the cosine of the two weighted columns
 *   <li>{@link #JACCARD}: c / (n_i + n_j − c)
 *   <li>{@link #CONDITIONAL}: c / (n_i · n_j^α), Deshpande &amp; Karypis' conditional probability;
 *       α = 0 gives P(j | i), larger α damps popular items j
 *   <li>{@link #LIFT}: c · N / (n_i · n_j), how much more often than by chance the two are held together
 * </ul>
 *
 * Cosine and Jaccard are symmetric; conditional probability and lift with α ≠ 0 may not be.
 * Jaccard, conditional and lift use binary counts even when the matrix is weighted.
 */
public enum Similarity {
  /** Cosine of the two item columns. */
  COSINE,
  /** Size of the intersection over the union of the two items' holders. */
  JACCARD,
  /** Conditional probability of j given i, with popularity damping α. */
  CONDITIONAL,
  /** Observed over expected co-occurrence. */
  LIFT;

  /**
   * The similarity of i to j.
   *
   * @param co customers holding both
   * @param dot weighted dot product of the two columns (equal to {@code co} when binary)
   * @param ni customers holding i
   * @param nj customers holding j
   * @param sqi squared norm of column i (equal to {@code ni} when binary)
   * @param sqj squared norm of column j
   * @param customers all customers
   * @param alpha damping exponent of {@link #CONDITIONAL}
   */
  double of(double co, double dot, double ni, double nj, double sqi, double sqj, double customers, double alpha) {
    if (co <= 0) {
      return 0;
    }
    return switch (this) {
      case COSINE -> dot / Math.sqrt(sqi * sqj);
      case JACCARD -> co / (ni + nj - co);
      case CONDITIONAL -> co / (ni * (alpha == 0 ? 1 : Math.pow(nj, alpha)));
      case LIFT -> co * customers / (ni * nj);
    };
  }

  /** The similarity named {@code name} (case-insensitive), as typed on a command line. */
  public static Similarity parse(String name) {
    for (Similarity s : values()) {
      if (s.name().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new RecommenderInputException(
        "unknown similarity '" + name + "'; valid: cosine, jaccard, conditional, lift");
  }

  /** The lower-case name used on command lines and in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
