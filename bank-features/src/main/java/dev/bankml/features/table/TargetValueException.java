package dev.bankml.features.table;

import dev.bankml.data.SettingException;
import java.util.Optional;

/**
 * A target value that is not a binary outcome, at one data row: missing, a third distinct value, a
 * number other than 0 or 1. {@link #row()} lets an application name the row its own way (a line
 * of a file, an id) with {@link #at(String)}.
 */
public final class TargetValueException extends SettingException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final int row;
  private final String problem;
  private final String advice;

  TargetValueException(String column, int row, String problem, String advice, Optional<String> setting) {
    super(setting.orElse(""), describe(column, problem, "data row " + (row + 1), advice));
    this.column = column;
    this.row = row;
    this.problem = problem;
    this.advice = advice;
  }

  private static String describe(String column, String problem, String where, String advice) {
    return "target column '" + column + "' " + problem + " in " + where + "; " + advice;
  }

  /** The 0-based row of the table where the value is. */
  public int row() {
    return row;
  }

  /** The same message with the row named as {@code where} (e.g. "loans.csv, line 7"). */
  public String at(String where) {
    return describe(column, problem, where, advice);
  }
}
