package dev.bankml.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.data.ProgressListener;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.models.segment.CustomerOutcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the segment command segments: a customer table (any CSV, or the customer-behaviour view of
 * a bank directory written by {@code bankml generate}), with — for a bank directory — each
 * customer's loan defaults and product holdings and, when present, the hidden personas.
 */
public record SegmentInput(Table customers, CustomerOutcomes outcomes, Map<String, String> personas) {
  public SegmentInput {
    personas = Map.copyOf(personas);
  }

  /** Reads {@code data}: a CSV file, or a bank directory. */
  public static SegmentInput load(Path data, ProgressListener progress) {
    if (Files.isDirectory(data)) {
      return bank(data, progress);
    }
    if (!Files.isRegularFile(data)) {
      throw new SettingException("data", data + " does not exist; give a CSV file or a directory written by "
          + "'bankml generate'");
    }
    return new SegmentInput(CsvTableReader.defaults().read(data, progress), CustomerOutcomes.NONE, Map.of());
  }

  private static SegmentInput bank(Path dir, ProgressListener progress) {
    Path customers = dir.resolve("customers.csv");
    if (!Files.isRegularFile(customers)) {
      throw new SettingException("data", dir + " is a directory without customers.csv; give a CSV file or a "
          + "directory written by 'bankml generate'");
    }
    Table view = CustomerBehaviourView.read(dir, progress);
    return new SegmentInput(view, new CustomerOutcomes(defaults(dir), holdings(dir)), personas(dir));
  }

  private static Map<String, Boolean> defaults(Path dir) {
    Path loans = dir.resolve("loans.csv");
    Map<String, Boolean> out = new HashMap<>();
    if (!Files.isRegularFile(loans)) {
      return out;
    }
    Table t = CsvTableReader.defaults().read(loans);
    Column id = t.column("customer_id");
    int[] defaulted = BinaryTarget.of("defaulted").labelsOrMissing(t);
    for (int i = 0; i < t.rows(); i++) {
      if (defaulted[i] >= 0) {
        out.merge(id.text(i), defaulted[i] == 1, Boolean::logicalOr);
      }
    }
    return out;
  }

  private static Map<String, Set<String>> holdings(Path dir) {
    Path file = dir.resolve("holdings.csv");
    Map<String, Set<String>> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Table t = CsvTableReader.defaults().read(file);
    Column id = t.column("customer_id");
    Column product = t.column("product_id");
    for (int i = 0; i < t.rows(); i++) {
      out.computeIfAbsent(id.text(i), k -> new HashSet<>()).add(product.text(i));
    }
    return out;
  }

  private static Map<String, String> personas(Path dir) {
    Path file = dir.resolve("truth").resolve("customer_persona.csv");
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Table t = CsvTableReader.defaults().read(file);
    Column id = t.column("customer_id");
    Column persona = t.column("persona");
    for (int i = 0; i < t.rows(); i++) {
      out.put(id.text(i), persona.text(i));
    }
    return out;
  }
}
