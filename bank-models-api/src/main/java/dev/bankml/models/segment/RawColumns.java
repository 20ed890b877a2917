package dev.bankml.models.segment;

import java.util.List;

/**
 * Numeric columns ready for segmentation, before any scaling: one {@code double[]} per column with
 * {@link Double#NaN} for a missing value, the row ids, and the columns left out with the reason.
 */
record RawColumns(
    String idColumn, List<String> ids, List<InputFeature> features, List<double[]> values, List<DroppedColumn> dropped) {
  RawColumns {
    ids = List.copyOf(ids);
    features = List.copyOf(features);
    values = List.copyOf(values);
    dropped = List.copyOf(dropped);
    if (features.size() != values.size()) {
      throw new IllegalArgumentException(features.size() + " features for " + values.size() + " columns");
    }
    for (int j = 0; j < values.size(); j++) {
      if (values.get(j).length != ids.size()) {
        throw new IllegalArgumentException("column '" + features.get(j).name() + "' has " + values.get(j).length
            + " values for " + ids.size() + " rows");
      }
    }
  }

  int rows() {
    return ids.size();
  }

  int cols() {
    return features.size();
  }

  List<String> names() {
    return features.stream().map(InputFeature::name).toList();
  }
}
