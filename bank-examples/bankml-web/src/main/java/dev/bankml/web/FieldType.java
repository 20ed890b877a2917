package dev.bankml.web;

import java.util.Locale;

/** The kind of value an input field of the loan form takes; decides the HTML control. */
public enum FieldType {
  /** A number: an {@code <input type="number">} with min, max and step. */
  NUMBER,
  /** One of a fixed set of levels: a {@code <select>}. */
  CATEGORY,
  /** An ISO date (yyyy-mm-dd): a date picker. */
  DATE,
  /** true or false: a {@code <select>} of the two. */
  BOOLEAN;

  /** The name used in the JSON API ({@code "number"}, {@code "category"}, {@code "date"}, {@code "boolean"}). */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
