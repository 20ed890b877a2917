package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Table} into segmentation inputs: picks the id column, leaves out identifiers,
 * personal data, dates, non-feature roles and high-cardinality categories, and expands each
 * low-cardinality category into 0/1 indicators of its common levels (the most frequent level left
 * implicit).
 */
final class TableColumns {
  private static final Logger LOG = LoggerFactory.getLogger(TableColumns.class);
  /** Categories with more levels than this are left out (they would swamp the distance). */
  static final int MAX_LEVELS = 12;
  /** Levels rarer than this share get no indicator of their own. */
  static final double MIN_LEVEL_SHARE = 0.01;
  private static final Set<String> PII = Set.of(
      "name", "first_name", "last_name", "firstname", "lastname", "full_name", "fullname", "surname",
      "middle_name", "email", "e_mail", "email_address", "phone", "phone_number", "telephone", "mobile_phone",
      "address", "street", "street_address", "city", "region", "state", "zip", "zipcode", "zip_code",
      "postcode", "post_code", "postal_code", "country", "ssn", "social_security_number", "national_id",
      "tax_id", "iban", "account_number", "card_number", "passport", "passport_number", "ip", "ip_address",
      "username", "user_name", "date_of_birth", "dob", "birth_date", "birthdate", "gender", "sex");
  private static final List<String> PII_SUFFIXES = List.of(
      "_name", "_email", "_phone", "_address", "_iban", "_city", "_region", "_street", "_zip", "_postcode");

  private TableColumns() {}

  /** The inputs of {@code table} for fitting. */
  static RawColumns forFit(Table table) {
    int n = table.rows();
    Optional<String> idColumn = idColumn(table);
    List<InputFeature> features = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<DroppedColumn> dropped = new ArrayList<>();
    for (Column c : table.columns()) {
      String name = c.name();
      ColumnRole role = table.role(name);
      if (idColumn.isPresent() && idColumn.get().equals(name)) {
        continue;
      }
      Optional<String> why = reasonToDrop(c, role, n);
      if (why.isPresent()) {
        dropped.add(new DroppedColumn(name, why.get()));
        continue;
      }
      if (c instanceof NumericColumn num) {
        features.add(InputFeature.numeric(name));
        values.add(num.toArray());
      } else if (c instanceof BooleanColumn bool) {
        features.add(InputFeature.numeric(name));
        values.add(booleans(bool));
      } else if (c instanceof CategoricalColumn cat) {
        int[] counts = cat.counts();
        int reference = reference(counts, n);
        for (int level = 0; level < counts.length; level++) {
          if (level != reference && counts[level] >= MIN_LEVEL_SHARE * n && counts[level] > 0) {
            InputFeature f = InputFeature.indicator(name, cat.levels().get(level));
            features.add(f);
            values.add(indicator(cat, f.level().orElseThrow()));
          }
        }
      }
    }
    List<String> ids = ids(table, idColumn);
    LOG.info("segmentation inputs: {} features, id column {}, left out {}", features.size(),
        idColumn.orElse("(row number)"), dropped);
    return new RawColumns(idColumn.orElse("row"), ids, features, values, dropped);
  }

  /**
   * The level left without an indicator — the most frequent — when every level gets one otherwise:
   * indicators that always sum to 1 are collinear (a singular covariance for Gaussian mixtures) and
   * the left-out level is still implied by all the others being 0. -1 when a rare level is already
   * left out.
   */
  private static int reference(int[] counts, int n) {
    int kept = 0;
    int best = -1;
    for (int level = 0; level < counts.length; level++) {
      if (counts[level] >= MIN_LEVEL_SHARE * n && counts[level] > 0) {
        kept++;
        if (best < 0 || counts[level] > counts[best]) {
          best = level;
        }
      } else if (counts[level] > 0) {
        return -1;
      }
    }
    return kept >= 2 ? best : -1;
  }

  /** The values of {@code features} in {@code table}; a source column that is absent counts as missing. */
  static List<double[]> forAssign(Table table, List<InputFeature> features) {
    int n = table.rows();
    List<double[]> out = new ArrayList<>();
    for (InputFeature f : features) {
      if (!table.has(f.source())) {
        LOG.warn("column '{}' is absent; its values are treated as missing", f.source());
        double[] missing = new double[n];
        Arrays.fill(missing, Double.NaN);
        out.add(missing);
        continue;
      }
      Column c = table.column(f.source());
      if (f.level().isPresent()) {
        if (!(c instanceof CategoricalColumn cat)) {
          throw new BankmlException("column '" + f.source() + "' is " + c.type()
              + " but this segmentation was fitted with it as a category; give it as text levels");
        }
        out.add(indicator(cat, f.level().get()));
      } else if (c instanceof NumericColumn num) {
        out.add(num.toArray());
      } else if (c instanceof BooleanColumn bool) {
        out.add(booleans(bool));
      } else {
        throw new BankmlException("column '" + f.source() + "' is " + c.type()
            + " but this segmentation needs it as a number");
      }
    }
    return out;
  }

  /** The table's row ids: the id column's text, or row numbers from 1 when there is none. */
  static List<String> ids(Table table, Optional<String> idColumn) {
    List<String> ids = new ArrayList<>(table.rows());
    if (idColumn.isPresent()) {
      Column c = table.column(idColumn.get());
      for (int i = 0; i < table.rows(); i++) {
        ids.add(c.text(i));
      }
    } else {
      for (int i = 0; i < table.rows(); i++) {
        ids.add(Integer.toString(i + 1));
      }
    }
    return ids;
  }

  /**
   * The id column: the first column with role ID, else the first whose name is {@code id} or ends
   * in {@code _id}/{@code Id}/{@code ID} (customer_id preferred), else none.
   */
  static Optional<String> idColumn(Table table) {
    List<String> declared = table.namesWithRole(ColumnRole.ID);
    if (!declared.isEmpty()) {
      return Optional.of(declared.get(0));
    }
    if (table.has("customer_id")) {
      return Optional.of("customer_id");
    }
    return table.columnNames().stream().filter(TableColumns::looksLikeId).findFirst();
  }

  static boolean looksLikeId(String name) {
    String n = normalise(name);
    return n.equals("id") || n.endsWith("_id") || name.endsWith("Id") || name.endsWith("ID");
  }

  private static Optional<String> reasonToDrop(Column c, ColumnRole role, int n) {
    if (role != ColumnRole.FEATURE) {
      return Optional.of("role " + role.name().toLowerCase(Locale.ROOT));
    }
    if (looksLikeId(c.name())) {
      return Optional.of("identifier");
    }
    if (isPii(c.name())) {
      return Optional.of("personal data");
    }
    switch (c.type()) {
      case DATE:
        return Optional.of("date");
      case CATEGORICAL: {
        CategoricalColumn cat = (CategoricalColumn) c;
        int present = n - cat.missingCount();
        int levels = (int) Arrays.stream(cat.counts()).filter(k -> k > 0).count();
        if (present > 20 && levels == present) {
          return Optional.of("identifier-like: every value distinct");
        }
        if (levels <= 1) {
          return Optional.of("constant");
        }
        if (levels > MAX_LEVELS) {
          return Optional.of("category with " + levels + " levels (more than " + MAX_LEVELS + ")");
        }
        return Optional.empty();
      }
      default:
        return Optional.empty();
    }
  }

  static boolean isPii(String name) {
    String n = normalise(name);
    return PII.contains(n) || PII_SUFFIXES.stream().anyMatch(n::endsWith);
  }

  private static String normalise(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static double[] booleans(BooleanColumn c) {
    double[] v = new double[c.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.asDouble(i);
    }
    return v;
  }

  private static double[] indicator(CategoricalColumn c, String level) {
    int code = c.levels().indexOf(level);
    double[] v = new double[c.size()];
    for (int i = 0; i < v.length; i++) {
      int k = c.code(i);
      v[i] = k == CategoricalColumn.MISSING ? Double.NaN : (k == code ? 1.0 : 0.0);
    }
    return v;
  }
}
