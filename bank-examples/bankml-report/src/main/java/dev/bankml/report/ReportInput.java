package dev.bankml.report;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table a report is about, with its protected columns marked: a CSV file as read, or the
 * loan-application view of a bank directory.
 *
 * @param table the rows; protected columns have role PROTECTED (never features)
 * @param source what was read, for the page's header
 * @param bankDirectory whether {@code source} was a bank directory
 * @param pipeline the feature pipeline to train with
 * @param protectedColumns the columns marked PROTECTED
 * @param fairnessColumns the columns the fairness table groups by (protected ones plus, for a bank,
 *     the age band derived from the age at application)
 */
record ReportInput(
    Table table, String source, boolean bankDirectory, FeaturePipeline pipeline, List<String> protectedColumns,
    List<String> fairnessColumns) {
  /** Column names treated as protected wherever they occur. */
  static final Set<String> PROTECTED_NAMES =
      Set.of("gender", "sex", "marital_status", "race", "ethnicity", "religion", "nationality", "age_band");

  /** The derived fairness grouping of a bank's applicants by age. */
  static final String AGE_BAND = "age_band";

  static ReportInput read(ReportOptions o) {
    Path data = o.data();
    boolean bank = Files.isDirectory(data);
    Table t;
    FeaturePipeline pipeline;
    if (bank) {
      if (!Files.isRegularFile(data.resolve("loans.csv")) || !Files.isRegularFile(data.resolve("customers.csv"))) {
        throw new BankmlException(data + " is a directory but not a bank directory (no loans.csv and customers.csv);"
            + " write one with 'bankml generate' or give a CSV file");
      }
      t = LoanApplicationView.read(data, o.progress());
      pipeline = LoanApplicationView.pipeline();
    } else if (Files.isRegularFile(data)) {
      t = CsvTableReader.defaults().read(data, o.progress());
      pipeline = FeaturePipeline.defaults();
    } else {
      throw new SettingException("data", data + " does not exist; give a CSV file or a bank directory");
    }
    if (!t.has(o.target())) {
      throw new SettingException("target", "target column '" + o.target() + "' is not in " + data + "; columns are "
          + t.columnNames());
    }
    Set<String> prot = new LinkedHashSet<>(t.namesWithRole(ColumnRole.PROTECTED));
    for (String c : t.columnNames()) {
      if (PROTECTED_NAMES.contains(c.toLowerCase(Locale.ROOT)) && !c.equals(o.target())) {
        prot.add(c);
      }
    }
    for (String c : o.protectedColumns()) {
      if (!t.has(c)) {
        throw new BankmlException("protected column '" + c + "' is not in " + data + "; columns are " + t.columnNames());
      }
      prot.add(c);
    }
    Map<String, ColumnRole> roles = new LinkedHashMap<>();
    prot.forEach(c -> roles.put(c, ColumnRole.PROTECTED));
    for (String c : o.idColumns()) {
      requireColumn(t, c, "id column", data);
      roles.put(c, ColumnRole.ID);
    }
    for (String c : o.excludedColumns()) {
      requireColumn(t, c, "excluded column", data);
      roles.put(c, ColumnRole.IGNORED);
    }
    t = t.withRoles(roles);
    List<String> fairness = new ArrayList<>(prot);
    if (bank && !t.has(AGE_BAND) && t.has("age_at_application") && t.column("age_at_application") instanceof NumericColumn age) {
      t = t.with(ageBands(age)).withRole(AGE_BAND, ColumnRole.IGNORED);
      fairness.add(AGE_BAND);
    }
    return new ReportInput(t, data.toString(), bank, pipeline, List.copyOf(prot), List.copyOf(fairness));
  }

  private static void requireColumn(Table t, String c, String what, Path data) {
    if (!t.has(c)) {
      throw new BankmlException(what + " '" + c + "' is not in " + data + "; columns are " + t.columnNames());
    }
  }

  /** Age in the customary bands 18-24, 25-34, 35-44, 45-54, 55-64, 65+. */
  static CategoricalColumn ageBands(NumericColumn age) {
    int[] codes = new int[age.size()];
    List<String> levels = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    for (int i = 0; i < codes.length; i++) {
      if (age.isMissing(i)) {
        codes[i] = CategoricalColumn.MISSING;
        continue;
      }
      double a = age.get(i);
      codes[i] = a < 25 ? 0 : a < 35 ? 1 : a < 45 ? 2 : a < 55 ? 3 : a < 65 ? 4 : 5;
    }
    return CategoricalColumn.wrap(AGE_BAND, codes, levels);
  }
}
