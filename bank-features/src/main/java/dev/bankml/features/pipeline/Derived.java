package dev.bankml.features.pipeline;

import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column computed from other columns of the same row, added before imputation so that a missing
 * input gives a missing (imputable) result: ratios (debt-to-income, loan-to-income), the annuity
 * instalment over monthly income, and age in whole years at a date. A ratio with a zero, negative
 * or missing denominator is missing. Needs no fitting.
 *
 * @param name the new column (its own source in explanations)
 * @param kind what is computed
 * @param inputs the columns read, in the order {@code kind} documents
 */
public record Derived(String name, Kind kind, List<String> inputs) implements Step, FittedStep {
  /** What a derived column computes. */
  public enum Kind {
    /** inputs (numerator, denominator): numerator / denominator. */
    RATIO,
    /**
     * inputs (amount, annual interest rate as a fraction, term in months, annual income): the
     * monthly annuity instalment amount·r/(1-(1+r)^-n) with r = rate/12, divided by income/12.
     */
    INSTALMENT_TO_INCOME,
    /** inputs (birth date, reference date): whole years between them. */
    AGE_AT
  }

  /** Checks the arity. */
  public Derived {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    inputs = List.copyOf(inputs);
    int want = switch (kind) {
      case RATIO, AGE_AT -> 2;
      case INSTALMENT_TO_INCOME -> 4;
    };
    if (inputs.size() != want) {
      throw new IllegalArgumentException(kind + " needs " + want + " input columns, got " + inputs);
    }
  }

  /** {@code name} = numerator / denominator. */
  public static Derived ratio(String name, String numerator, String denominator) {
    return new Derived(name, Kind.RATIO, List.of(numerator, denominator));
  }

  /** {@code name} = debt / income (use monthly or yearly figures consistently). */
  public static Derived debtToIncome(String name, String debt, String income) {
    return ratio(name, debt, income);
  }

  /** {@code name} = loan amount / annual income. */
  public static Derived loanToIncome(String name, String amount, String annualIncome) {
    return ratio(name, amount, annualIncome);
  }

  /** {@code name} = monthly annuity instalment / monthly income. */
  public static Derived instalmentToIncome(
      String name, String amount, String annualRate, String termMonths, String annualIncome) {
    return new Derived(name, Kind.INSTALMENT_TO_INCOME, List.of(amount, annualRate, termMonths, annualIncome));
  }

  /** {@code name} = age in whole years on {@code dateColumn} of someone born on {@code birthDateColumn}. */
  public static Derived ageAt(String name, String birthDateColumn, String dateColumn) {
    return new Derived(name, Kind.AGE_AT, List.of(birthDateColumn, dateColumn));
  }

  /** The monthly annuity instalment of {@code amount} at yearly rate {@code annualRate} over {@code months}. */
  public static double instalment(double amount, double annualRate, double months) {
    double r = annualRate / 12.0;
    if (r == 0) {
      return amount / months;
    }
    return amount * r / (1 - Math.pow(1 + r, -months));
  }

  @Override
  public Derived fit(FitContext ctx) {
    for (String in : inputs) {
      ctx.table().column(in);
    }
    return this;
  }

  @Override
  public Table transform(Table t) {
    double[][] in = new double[inputs.size()][];
    for (int k = 0; k < in.length; k++) {
      in[k] = Work.numbers(t, inputs.get(k));
    }
    double[] out = new double[t.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = in.length == 2
          ? value(in[0][i], in[1][i], Double.NaN, Double.NaN)
          : value(in[0][i], in[1][i], in[2][i], in[3][i]);
    }
    return Work.put(t, name, out);
  }

  /** The derived value of one row from its inputs in {@link #inputs} order (unused trailing ones NaN). */
  double value(double a, double b, double c, double d) {
    return switch (kind) {
      case RATIO -> b > 0 ? a / b : Double.NaN;
      case INSTALMENT_TO_INCOME -> d > 0 && c > 0 ? instalment(a, b, c) / (d / 12.0) : Double.NaN;
      case AGE_AT -> Double.isNaN(a) || Double.isNaN(b)
          ? Double.NaN
          : Period.between(LocalDate.ofEpochDay((long) a), LocalDate.ofEpochDay((long) b)).getYears();
    };
  }

  @Override
  public Map<String, String> created() {
    return Map.of(name, name);
  }
}
