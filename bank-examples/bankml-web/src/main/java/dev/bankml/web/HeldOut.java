package dev.bankml.web;

/**
 * A model's answers on data it was not trained on, from which the model page draws its curves.
 *
 * @param labels observed outcome per row, 1 = defaulted
 * @param probabilities predicted probability of default per row
 */
public record HeldOut(int[] labels, double[] probabilities) {
  /** Checks both arrays describe the same rows and hold valid values. */
  public HeldOut {
    if (labels.length != probabilities.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + probabilities.length + " probabilities");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is not 0 or 1");
      }
      if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
        throw new IllegalArgumentException("probability " + probabilities[i] + " at row " + i + " is outside 0..1");
      }
    }
    labels = labels.clone();
    probabilities = probabilities.clone();
  }

  /** Number of rows. */
  public int size() {
    return labels.length;
  }
}
