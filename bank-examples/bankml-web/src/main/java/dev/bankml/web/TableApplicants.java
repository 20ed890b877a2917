package dev.bankml.web;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ApplicantSource} over a table with one row per customer (e.g. the loan-application view's
 * {@code applicantsAsOf}), looked up by its {@code customer_id} column.
 */
final class TableApplicants implements ApplicantSource {
  /** Significant digits of the values put into the form: plenty for a share or an amount in cents. */
  private static final int VALUE_DIGITS = 6;
  private final LocalDate asOf;
  private final Table table;
  private final Map<String, Integer> rows = new HashMap<>();

  TableApplicants(Table table, LocalDate asOf) {
    this.table = table;
    this.asOf = asOf;
    Column ids = table.column("customer_id");
    for (int i = 0; i < table.rows(); i++) {
      rows.put(ids.text(i), i);
    }
  }

  @Override
  public LocalDate asOf() {
    return asOf;
  }

  @Override
  public Optional<Map<String, String>> applicant(String customerId) {
    Integer row = rows.get(customerId);
    if (row == null) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : table.columnNames()) {
      Column c = table.column(name);
      if (name.equals("customer_id") || c.isMissing(row)) {
        continue;
      }
      out.put(name, c instanceof NumericColumn n ? NumberText.format(NumberText.round(n.get(row),
          VALUE_DIGITS, java.math.RoundingMode.HALF_EVEN)) : c.text(row));
    }
    return Optional.of(out);
  }
}
