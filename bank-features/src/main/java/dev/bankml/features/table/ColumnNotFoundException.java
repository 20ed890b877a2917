package dev.bankml.features.table;

import dev.bankml.data.BankmlException;
import java.util.Collection;

/** A column was asked for by name but the table or record has no such column. */
public final class ColumnNotFoundException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String column;

  /** {@code column} is absent; {@code available} lists the columns that exist. */
  public ColumnNotFoundException(String column, Collection<String> available) {
    super("no column '" + column + "'; the columns are " + available);
    this.column = column;
  }

  /** {@code column} is absent, explained by {@code message}. */
  public ColumnNotFoundException(String column, String message) {
    super(message);
    this.column = column;
  }

  /** The name that was not found. */
  public String column() {
    return column;
  }
}
