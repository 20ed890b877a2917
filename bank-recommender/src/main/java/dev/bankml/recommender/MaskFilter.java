package dev.bankml.recommender;

/** {@link OfferFilter#ofMasks}: item i may be offered to customer c when bit i of {@code allowed[c]} is set. */
final class MaskFilter implements OfferFilter {
  private final long[] allowed;

  MaskFilter(long[] allowed) {
    this.allowed = allowed;
  }

  @Override
  public boolean eligible(int customer, int item) {
    return item >= 0 && item < 64 && (allowed[customer] >>> item & 1) != 0;
  }

  /** The masks, customer c's at c (shared: do not change). */
  long[] masks() {
    return allowed;
  }
}
