package dev.bankml.features.woe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * A fitted weight-of-evidence binning of one column and its information value. Numeric bins are
 * ordered intervals; categorical bins hold levels, and levels never seen in training get the
 * {@code unseenWoe} (the "other" bin's WoE when there is one, else 0). A missing value gets the
 * missing bin's WoE when training had missing values, else 0 (neutral).
 *
 * @param column the binned column
 * @param numeric whether bins are intervals (true) or level sets (false)
 * @param bins the non-missing bins
 * @param missing the bin of missing values (zero counts and WoE 0 when training had none)
 * @param unseenWoe the WoE for a level not seen in training (categorical only)
 * @param iv information value: the sum of every bin's (non-event share - event share) * WoE
 */
public record WoeTable(
    String column, boolean numeric, List<WoeBin> bins, WoeBin missing, double unseenWoe, double iv) {
  /** Copies the bin list. */
  public WoeTable {
    bins = List.copyOf(bins);
  }

  /** The WoE of numeric value {@code x} (NaN is missing). */
  public double woe(double x) {
    if (Double.isNaN(x)) {
      return missing.woe();
    }
    for (WoeBin b : bins) {
      if (x <= b.upper()) {
        return b.woe();
      }
    }
    return bins.get(bins.size() - 1).woe();
  }

  /** The WoE of categorical level {@code level}; an empty optional is a missing value. */
  public double woe(Optional<String> level) {
    if (level.isEmpty()) {
      return missing.woe();
    }
    for (WoeBin b : bins) {
      if (b.levels().contains(level.get())) {
        return b.woe();
      }
    }
    return unseenWoe;
  }

  /** The usual reading of an IV: below 0.02 useless, to 0.1 weak, to 0.3 medium, to 0.5 strong, above suspicious. */
  @JsonIgnore
  public String strength() {
    if (iv < 0.02) {
      return "useless";
    }
    if (iv < 0.1) {
      return "weak";
    }
    if (iv < 0.3) {
      return "medium";
    }
    return iv < 0.5 ? "strong" : "suspicious (check for leakage)";
  }
}
