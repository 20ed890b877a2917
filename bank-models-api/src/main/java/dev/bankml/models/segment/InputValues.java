package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;

/** Converts one field of a raw record into the number an {@link InputFeature} needs. */
final class InputValues {
  private InputValues() {}

  /** The value of {@code feature} given the field's raw value; {@code NaN} when missing. */
  static double value(InputFeature feature, Object raw) {
    if (raw == null) {
      return Double.NaN;
    }
    if (feature.level().isPresent()) {
      String s = raw.toString().trim();
      return s.isEmpty() ? Double.NaN : (s.equals(feature.level().get()) ? 1.0 : 0.0);
    }
    if (raw instanceof Number n) {
      double v = n.doubleValue();
      return Double.isFinite(v) ? v : Double.NaN;
    }
    if (raw instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    String s = raw.toString().trim();
    if (s.isEmpty() || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")
        || s.equals("?")) {
      return Double.NaN;
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")) {
      return 1.0;
    }
    if (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no")) {
      return 0.0;
    }
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      throw new BankmlException("field '" + feature.source() + "' has value '" + s
          + "', which is not a number; this segmentation needs a number (or empty for missing) there");
    }
  }
}
