package dev.bankml.features.pipeline;

/** The kind of input a form field takes. */
public enum InputType {
  /** A number. */
  NUMBER,
  /** One of a list of levels (other text is accepted and treated as unseen). */
  CATEGORY,
  /** A calendar date (yyyy-MM-dd). */
  DATE,
  /** True or false. */
  BOOLEAN
}
