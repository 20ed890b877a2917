package dev.bankml.models.segment;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
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
 * Which columns of a {@link Table} segmentation uses: picks the id column and leaves out
 * identifiers, personal data, dates, non-feature roles, categories with more than {@value
 * #MAX_LEVELS} levels and constant categories, saying why. What remains is encoded and scaled by the
 * segmentation's {@link SegmentationPipeline}.
 */
final class InputColumns {
  private static final Logger LOG = LoggerFactory.getLogger(InputColumns.class);
  /** Categories with more levels than this are left out (they would swamp the distance). */
  static final int MAX_LEVELS = 12;
  private static final Set<String> PII = Set.of(
      "name", "first_name", "last_name", "firstname", "lastname", "full_name", "fullname", "surname",
      "middle_name", "email", "e_mail", "email_address", "phone", "phone_number", "telephone", "mobile_phone",
      "address", "street", "street_address", "city", "region", "state", "zip", "zipcode", "zip_code",
      "postcode", "post_code", "postal_code", "country", "ssn", "social_security_number", "national_id",
      "tax_id", "iban", "account_number", "card_number", "passport", "passport_number", "ip", "ip_address",
      "username", "user_name", "date_of_birth", "dob", "birth_date", "birthdate", "gender", "sex");
  private static final List<String> PII_SUFFIXES = List.of(
      "_name", "_email", "_phone", "_address", "_iban", "_city", "_region", "_street", "_zip", "_postcode");

  private InputColumns() {}

  /**
   * The columns segmentation uses.
   *
   * @param idColumn the id column's name, or {@code row} when the table has none
   * @param ids every row's id: the id column's text, or row numbers from 1
   * @param features the table of the columns used, in table order
   * @param dropped the columns left out, with why
   */
  record Selected(String idColumn, List<String> ids, Table features, List<DroppedColumn> dropped) {
    Selected {
      ids = List.copyOf(ids);
      dropped = List.copyOf(dropped);
    }
  }

  /** The columns of {@code table} to segment on. */
  static Selected select(Table table) {
    int n = table.rows();
    Optional<String> idColumn = idColumn(table);
    List<String> used = new ArrayList<>();
    List<DroppedColumn> dropped = new ArrayList<>();
    for (Column c : table.columns()) {
      String name = c.name();
      if (idColumn.isPresent() && idColumn.get().equals(name)) {
        continue;
      }
      Optional<String> why = reasonToDrop(c, table.role(name), n);
      if (why.isPresent()) {
        dropped.add(new DroppedColumn(name, why.get()));
      } else {
        used.add(name);
      }
    }
    LOG.info("segmentation inputs: {} columns, id column {}, left out {}", used.size(),
        idColumn.orElse("(row number)"), dropped);
    return new Selected(idColumn.orElse("row"), ids(table, idColumn), table.select(used), dropped);
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
    return table.columnNames().stream().filter(InputColumns::looksLikeId).findFirst();
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
}
