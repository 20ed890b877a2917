package dev.bankml.models.tune;

import dev.bankml.models.spi.Hyperparameters;

/**
 * One evaluated candidate: the algorithm, its hyperparameters (only the ones the search set; the
 * rest are the algorithm's defaults), its cross-validated score (higher is better), the standard
 * deviation of that score over folds, and the wall-clock seconds it took.
 */
public record Trial(String algorithm, Hyperparameters hyperparameters, double score, double scoreStd, double seconds) {}
