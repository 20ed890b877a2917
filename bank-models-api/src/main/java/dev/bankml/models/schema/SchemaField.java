package dev.bankml.models.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.bankml.features.pipeline.InputType;
import dev.bankml.features.table.DateColumn;
import dev.bankml.models.schema.InputProblem.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One column a model reads, and what it accepts there. Immutable.
 *
 * @param name the column name
 * @param type the kind of value
 * @param required whether the column must be present in the input (an absent column is an error);
 *     false only for a column that was blank in every training row
 * @param blankAllowed whether a blank value is accepted (and imputed): true when the training data
 *     had blank values in this column, so the model learnt what a blank means
 * @param min the smallest plausible value (numbers; dates as epoch day): the training minimum less a
 *     margin, rounded down; NaN when unbounded or not applicable
 * @param max the largest plausible value, likewise; NaN when unbounded or not applicable
 * @param trainingMin the smallest value in the training data; NaN when none or not applicable
 * @param trainingMax the largest value in the training data; NaN when none or not applicable
 * @param levels the categories seen in training (category fields), most frequent first; else empty
 */
public record SchemaField(
    String name, InputType type, boolean required, boolean blankAllowed, double min, double max,
    double trainingMin, double trainingMax, List<String> levels) {
  /** Text that means "no value", as in CSV loading. */
  static final Set<String> BLANK_TEXT = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");
  /** Levels spelt out in a message; the rest are counted. */
  private static final int LEVELS_SHOWN = 20;
  /** Significant digits of the plausible bounds (rounded outwards, so they read as round numbers). */
  private static final int BOUND_DIGITS = 3;
  /** The plausible range reaches this many training spans beyond the training extremes. */
  private static final double MARGIN_SPANS = 2;
  /** A date range is widened by at least this many days on each side. */
  private static final long DATE_MARGIN_DAYS = 3653;

  /** Checks the parts and copies the levels. */
  public SchemaField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    levels = List.copyOf(levels);
    if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
      throw new IllegalArgumentException("field '" + name + "': min " + min + " > max " + max);
    }
  }

  /**
   * A field with the plausible range derived from training values {@code trainingMin} to {@code
   * trainingMax}: widened by twice the training span on each side (at least one unit; for dates at
   * least ten years), never below zero when the training data had no negative values, and rounded
   * outwards to three significant digits. Twice the span: a model trained on 240 loans still
   * accepts every loan of the same bank it did not see (a new sample's extremes lie up to about
   * 1.2 spans beyond the training extremes there), while 1e308, a negative amount or a value ten
   * times too large are refused.
   */
  public static SchemaField fromTraining(String name, InputType type, boolean required, boolean blankAllowed,
      double trainingMin, double trainingMax, List<String> levels) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    if ((type == InputType.NUMBER || type == InputType.DATE) && Double.isFinite(trainingMin) && Double.isFinite(trainingMax)) {
      double span = trainingMax - trainingMin;
      double margin = Double.isFinite(span) && span > 0 ? MARGIN_SPANS * span : Math.max(1, Math.abs(trainingMax));
      if (type == InputType.DATE) {
        margin = Math.max(margin, DATE_MARGIN_DAYS);
        lo = Math.floor(trainingMin - margin);
        hi = Math.ceil(trainingMax + margin);
      } else {
        lo = round(trainingMin - margin, RoundingMode.FLOOR);
        hi = round(trainingMax + margin, RoundingMode.CEILING);
        if (trainingMin >= 0 && lo < 0) {
          lo = 0;
        }
      }
      lo = Math.min(lo, trainingMin);
      hi = Math.max(hi, trainingMax);
    }
    return new SchemaField(name, type, required, blankAllowed, lo, hi, trainingMin, trainingMax, levels);
  }

  private static double round(double v, RoundingMode mode) {
    if (!Double.isFinite(v)) {
      return v > 0 ? Double.MAX_VALUE : v < 0 ? -Double.MAX_VALUE : v;
    }
    if (v == 0) {
      return 0;
    }
    return new BigDecimal(v).round(new MathContext(BOUND_DIGITS, mode)).doubleValue();
  }

  /** The outcome of checking one value: the value to score with (empty when blank), or a problem. */
  record Checked(Optional<Object> value, Optional<InputProblem> problem) {
    static Checked ok(Object v) {
      return new Checked(Optional.of(v), Optional.empty());
    }

    static final Checked BLANK = new Checked(Optional.empty(), Optional.empty());

    static Checked bad(InputProblem p) {
      return new Checked(Optional.empty(), Optional.of(p));
    }
  }

  /**
   * Checks one value: null, an empty {@link Optional}, NaN or a missing-value token ("", NA, null, …)
   * is blank; a {@link Number}, {@link Boolean}, {@link LocalDate} or text is read per the field's
   * type. The value to score with is a {@code Double}, {@code String} (a level), {@code Boolean} or
   * {@code LocalDate}.
   */
  Checked check(Object raw) {
    Object v = raw instanceof Optional<?> o ? o.orElse(null) : raw;
    if (isBlank(v)) {
      return blankAllowed ? Checked.BLANK
          : Checked.bad(InputProblem.of(Kind.BLANK, name, "", "is blank, but the model's training data always had a value"
              + " here, so it cannot be filled in; " + valid()));
    }
    if (v instanceof java.util.Collection<?> || v instanceof java.util.Map<?, ?> || v.getClass().isArray()) {
      return Checked.bad(problem(Kind.NOT_A_VALUE, "", "is a list or an object, not one value; " + valid()));
    }
    return switch (type) {
      case NUMBER -> number(v);
      case CATEGORY -> category(v);
      case BOOLEAN -> bool(v);
      case DATE -> date(v);
    };
  }

  static boolean isBlank(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof Double d) {
      return d.isNaN();
    }
    if (v instanceof Float f) {
      return f.isNaN();
    }
    return v instanceof CharSequence s && BLANK_TEXT.contains(s.toString().trim());
  }

  private InputProblem problem(Kind kind, String value, String detail) {
    return InputProblem.of(kind, name, value, detail);
  }

  private Checked number(Object v) {
    double d;
    String text;
    if (v instanceof Number n) {
      d = n instanceof BigDecimal || n instanceof BigInteger ? n.doubleValue() : n.doubleValue();
      text = n instanceof Double || n instanceof Float ? numberText(d) : n.toString();
    } else if (v instanceof CharSequence s) {
      text = s.toString().trim();
      if (!plainNumber(text)) {
        return Checked.bad(problem(Kind.NOT_A_NUMBER, text, "is not a number; " + valid()));
      }
      try {
        d = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return Checked.bad(problem(Kind.NOT_A_NUMBER, text, "is not a number; " + valid()));
      }
    } else {
      return Checked.bad(problem(Kind.NOT_A_NUMBER, String.valueOf(v), "is not a number; " + valid()));
    }
    if (!Double.isFinite(d)) {
      return Checked.bad(problem(Kind.NOT_FINITE, text, "is not a finite number; " + valid()));
    }
    if (outside(d)) {
      return Checked.bad(problem(Kind.OUT_OF_RANGE, text, "is outside the plausible range" + range(numberText(min), numberText(max))
          + " (the training data went from " + numberText(trainingMin) + " to " + numberText(trainingMax) + ")"));
    }
    return Checked.ok(d);
  }

  /** Rejects forms Java reads as numbers but data never means as numbers: hex, a "d" or "f" suffix. */
  private static boolean plainNumber(String t) {
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return last != 'd' && last != 'D' && last != 'f' && last != 'F' && t.indexOf('x') < 0 && t.indexOf('X') < 0;
  }

  private boolean outside(double v) {
    return (!Double.isNaN(min) && v < min) || (!Double.isNaN(max) && v > max);
  }

  private Checked category(Object v) {
    String text = v instanceof Enum<?> e ? e.name() : v.toString().trim();
    if (!levels.contains(text)) {
      return Checked.bad(problem(Kind.UNKNOWN_LEVEL, text, "is not a level the model knows; " + valid()));
    }
    return Checked.ok(levels.get(levels.indexOf(text)));
  }

  private Checked bool(Object v) {
    if (v instanceof Boolean b) {
      return Checked.ok(b);
    }
    if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return Checked.ok(n.doubleValue() == 1);
    }
    String text = v.toString().trim();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "t", "1" -> Checked.ok(Boolean.TRUE);
      case "false", "no", "n", "f", "0" -> Checked.ok(Boolean.FALSE);
      default -> Checked.bad(problem(Kind.NOT_A_BOOLEAN, text, "is not a boolean; " + valid()));
    };
  }

  private Checked date(Object v) {
    LocalDate d;
    String text = v.toString().trim();
    if (v instanceof LocalDate ld) {
      d = ld;
    } else if (v instanceof LocalDateTime dt) {
      d = dt.toLocalDate();
    } else {
      Optional<LocalDate> parsed;
      try {
        parsed = DateColumn.parse(text);
      } catch (DateTimeException e) {
        return Checked.bad(problem(Kind.NOT_A_DATE, text, "is not a valid date (there is no such day); " + valid()));
      }
      if (parsed.isEmpty()) {
        return Checked.bad(problem(Kind.NOT_A_DATE, text, "is not a date; " + valid()));
      }
      d = parsed.get();
    }
    if (outside(d.toEpochDay())) {
      return Checked.bad(problem(Kind.OUT_OF_RANGE, text, "is outside the plausible range" + range(dateText(min), dateText(max))
          + " (the training data went from " + dateText(trainingMin) + " to " + dateText(trainingMax) + ")"));
    }
    return Checked.ok(d);
  }

  /** What the field accepts, in words, e.g. {@code valid: a number from 0 to 281,000}. */
  @JsonIgnore
  public String valid() {
    return switch (type) {
      case NUMBER -> "valid: a number" + range(numberText(min), numberText(max));
      case DATE -> "valid: a date yyyy-MM-dd" + range(dateText(min), dateText(max));
      case CATEGORY -> "valid: one of " + String.join(", ", levels.subList(0, Math.min(LEVELS_SHOWN, levels.size())))
          + (levels.size() > LEVELS_SHOWN ? " (and " + (levels.size() - LEVELS_SHOWN) + " more)" : "");
      case BOOLEAN -> "valid: true or false";
    } + (blankAllowed ? ", or blank" : "");
  }

  private String range(String lo, String hi) {
    boolean hasLo = !Double.isNaN(min);
    boolean hasHi = !Double.isNaN(max);
    if (hasLo && hasHi) {
      return " from " + lo + " to " + hi;
    }
    if (hasLo) {
      return " of at least " + lo;
    }
    return hasHi ? " of at most " + hi : "";
  }

  /** A number as a person writes it: 1,000 → {@code 1000}, no exponent below 10^15, no binary noise. */
  static String numberText(double v) {
    if (Double.isNaN(v)) {
      return "none";
    }
    if (!Double.isFinite(v) || Math.abs(v) >= 1e15 || (v != 0 && Math.abs(v) < 1e-6)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(10, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
  }

  private static String dateText(double epochDay) {
    return Double.isNaN(epochDay) ? "none" : LocalDate.ofEpochDay((long) epochDay).toString();
  }
}
