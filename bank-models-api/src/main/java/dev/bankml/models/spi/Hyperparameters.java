package dev.bankml.models.spi;

import dev.bankml.data.BankmlException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hyperparameter values by name. Values are numbers, strings or booleans; a name that is absent
 * takes the algorithm's default.
 */
public record Hyperparameters(Map<String, Object> values) {
  /** No hyperparameters set: every algorithm uses its defaults. */
  public static final Hyperparameters DEFAULTS = new Hyperparameters(Map.of());

  public Hyperparameters {
    values = Map.copyOf(new TreeMap<>(values));
  }

  /** These values with {@code name} set to {@code value}. */
  public Hyperparameters with(String name, Object value) {
    Map<String, Object> m = new TreeMap<>(values);
    m.put(name, value);
    return new Hyperparameters(m);
  }

  /** These values, with {@code defaults} filling the names that are absent. */
  public Hyperparameters withDefaults(Map<String, Object> defaults) {
    Map<String, Object> m = new TreeMap<>(defaults);
    m.putAll(values);
    return new Hyperparameters(m);
  }

  /** The integer value of {@code name}, or {@code fallback} when it is absent. */
  public int getInt(String name, int fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    return parse(name, v, Integer::parseInt, "a whole number");
  }

  /** The real value of {@code name}, or {@code fallback} when it is absent. */
  public double getDouble(String name, double fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return parse(name, v, Double::parseDouble, "a number");
  }

  /** Value {@code v} of {@code name} read from its text, or an error saying it must be {@code what}. */
  private static <T> T parse(String name, Object v, java.util.function.Function<String, T> reader, String what) {
    if (v instanceof String s) {
      try {
        return reader.apply(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new BankmlException("hyperparameter '" + name + "' must be " + what + ", got '" + v + "'");
  }

  /** The string value of {@code name}, or {@code fallback} when it is absent. */
  public String getString(String name, String fallback) {
    Object v = values.get(name);
    return v == null ? fallback : v.toString();
  }

  /** The boolean value of {@code name}, or {@code fallback} when it is absent. */
  public boolean getBoolean(String name, boolean fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new BankmlException("hyperparameter '" + name + "' must be true or false, got '" + v + "'");
  }
}
