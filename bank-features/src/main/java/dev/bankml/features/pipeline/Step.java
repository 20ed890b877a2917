package dev.bankml.features.pipeline;

/**
 * A specification of one pipeline step (an imputer, an encoder, a scaler, …): holds settings only.
 * {@link #fit} learns from the training rows and returns the immutable fitted step.
 */
public interface Step {
  /** Learns this step's parameters from {@code context}'s table (training rows only). */
  FittedStep fit(FitContext context);
}
