package dev.bankml.data.bundle;

/**
 * How a bundle is loaded: which keys verify its signature, the size limits, and whether a bundle
 * without a verifiable signature may load at all.
 *
 * @param trustUnsigned load a bundle that is unsigned, written by an older bankml, or signed by an
 *     unknown key (with a logged warning) instead of refusing it; a bundle that was changed after
 *     it was signed is refused either way
 * @param keys the verification keys
 * @param limits the size limits
 */
public record LoadOptions(boolean trustUnsigned, BundleKeys keys, BundleLimits limits) {
  /** Signed bundles only, verified with {@link BundleKeys#defaults()}, {@link BundleLimits#DEFAULT}. */
  public static LoadOptions defaults() {
    return new LoadOptions(false, BundleKeys.defaults(), BundleLimits.DEFAULT);
  }

  /** These options, also loading bundles whose signature cannot be verified (with a warning). */
  public LoadOptions trustingUnsigned() {
    return new LoadOptions(true, keys, limits);
  }

  /** These options with {@code trust} as the unsigned-bundle opt-in. */
  public LoadOptions trustUnsigned(boolean trust) {
    return new LoadOptions(trust, keys, limits);
  }

  /** These options verifying with {@code other} keys. */
  public LoadOptions withKeys(BundleKeys other) {
    return new LoadOptions(trustUnsigned, other, limits);
  }

  /** These options with {@code other} limits. */
  public LoadOptions withLimits(BundleLimits other) {
    return new LoadOptions(trustUnsigned, keys, other);
  }
}
