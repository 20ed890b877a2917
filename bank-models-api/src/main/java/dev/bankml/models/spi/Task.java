package dev.bankml.models.spi;

/** What an algorithm learns. */
public enum Task {
  /** Binary classification: probability of the positive class. */
  CLASSIFICATION,
  /** Clustering: assignment of rows to groups. */
  CLUSTERING
}
