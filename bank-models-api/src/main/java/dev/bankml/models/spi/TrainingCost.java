package dev.bankml.models.spi;

/**
 * How long an algorithm's defaults take to train, relative to the backend's other algorithms on the
 * same data. {@code auto} scores the cheap ones first, so a time limit cuts the expensive ones.
 */
public enum TrainingCost {
  /** Seconds on 100k rows: linear models, histogram boosting. */
  LOW,
  /** Tens of seconds on 100k rows. */
  MEDIUM,
  /** Minutes on 100k rows: exact-split trees, large forests. */
  HIGH
}
