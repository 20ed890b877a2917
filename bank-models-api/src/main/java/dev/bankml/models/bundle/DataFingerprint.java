package dev.bankml.models.bundle;

/**
 * What a model was trained on, without the data itself: row and positive counts and a SHA-256 of
 * the training table's contents (column names and values in order), so a bundle can be traced to
 * its data.
 */
public record DataFingerprint(long rows, long positives, String sha256) {}
