package dev.bankml.data.bundle;

/** What a bundle holds; written into its manifest and checked when it is loaded. */
public enum BundleKind {
  /** A loan-default model: fitted pipeline, classifier, threshold, scaling, calibration. */
  LOAN_MODEL("loan-model"),
  /** A customer segmentation: preprocessing, clustering, profiles. */
  SEGMENTATION("segmentation"),
  /** An item-based product recommender: item similarities and popularity. */
  RECOMMENDER("recommender");

  private final String key;

  BundleKind(String key) {
    this.key = key;
  }

  /** The name in the manifest, e.g. {@code loan-model}. */
  public String key() {
    return key;
  }

  /** The kind named {@code key}, if any. */
  static java.util.Optional<BundleKind> parse(String key) {
    for (BundleKind k : values()) {
      if (k.key.equals(key)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
