package dev.bankml.models.bundle;

import java.util.List;

/**
 * One input a model expects, described well enough to draw a form field: its name, type
 * ({@code numeric}, {@code categorical}, {@code boolean}, {@code date}), the range seen in training
 * for numbers (NaN when unknown), the levels seen for categories, and the share of training rows
 * where it was missing.
 */
public record InputField(String name, String type, double min, double max, List<String> levels, double missingRate) {
  public InputField {
    levels = List.copyOf(levels);
  }
}
