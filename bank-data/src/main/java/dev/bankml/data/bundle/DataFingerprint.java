package dev.bankml.data.bundle;

/**
 * What a model was fitted on, without the data itself, so a bundle can be traced to its data.
 *
 * @param rows training rows (loan applications, customers)
 * @param positives rows of the positive class for a classifier; 0 otherwise
 * @param sha256 hex SHA-256 of the training data's contents (how it is computed is the model
 *     kind's: column names, types and values in order for tables); empty when unknown
 */
public record DataFingerprint(long rows, long positives, String sha256) {
  public DataFingerprint {
    if (rows < 0 || positives < 0 || positives > rows) {
      throw new IllegalArgumentException("rows " + rows + " and positives " + positives + " must satisfy 0 <= positives <= rows");
    }
    if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits or empty, got '" + Names.shown(sha256) + "'");
    }
  }
}
