package dev.bankml.data.synth;

import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.BankFiles;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Real-world mess injected into the cells of the written tables (never the truth files): blank
 * cells, numeric outliers (a value multiplied by 10 to 100) and inconsistent spellings of categories
 * ("Self-employed", "self employed ", "SELF_EMPLOYED"). Each customer's rows take their mess from a
 * random stream of that customer's own, so the same seed gives the same mess however the work is split.
 */
final class Mess {
  /** Per table: columns that may go missing, become outliers, or be misspelt. */
  private record Columns(int[] missing, int[] outlier, int[] typo) {}

  private static final Map<String, Columns> COLUMNS = new HashMap<>();

  static {
    put(BankTable.CUSTOMERS, new String[] {"phone", "city", "annual_income", "employment_years", "education", "credit_score"},
        new String[] {"annual_income"},
        new String[] {"employment_status", "home_ownership", "education", "marital_status"});
    put(BankTable.LOANS, new String[] {"purpose", "debt_to_income", "existing_debt", "recent_inquiries"},
        new String[] {"amount", "existing_debt"},
        new String[] {"grade", "purpose"});
    put(BankTable.TRANSACTIONS, new String[] {"channel"},
        new String[] {"amount"},
        new String[] {"category", "channel"});
  }

  private static void put(BankTable<?> table, String[] missing, String[] outlier, String[] typo) {
    COLUMNS.put(table.fileName(), new Columns(idx(table, missing), idx(table, outlier), idx(table, typo)));
  }

  private static int[] idx(BankTable<?> table, String[] names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = table.columns().indexOf(names[i]);
    }
    return out;
  }

  private final double missingRate;
  private final double outlierRate;
  private final double typoRate;

  Mess(double missingRate, double outlierRate, double typoRate) {
    this.missingRate = missingRate;
    this.outlierRate = outlierRate;
    this.typoRate = typoRate;
  }

  /** The random stream of the mess in customer {@code index}'s rows. */
  static Draw drawFor(long seed, int index) {
    return Draw.forItem(seed, 99, index);
  }

  boolean isOff() {
    return missingRate == 0 && outlierRate == 0 && typoRate == 0;
  }

  /** Alters {@code cells} of a row of {@code table} in place, drawing from {@code draw}. */
  String[] apply(Draw draw, BankTable<?> table, String[] cells) {
    Columns cols = COLUMNS.get(table.fileName());
    if (cols == null || isOff()) {
      return cells;
    }
    if (typoRate > 0) {
      for (int i : cols.typo()) {
        if (draw.chance(typoRate)) {
          cells[i] = misspell(draw, cells[i]);
        }
      }
    }
    if (outlierRate > 0) {
      for (int i : cols.outlier()) {
        if (draw.chance(outlierRate) && !cells[i].isEmpty()) {
          double v = Double.parseDouble(cells[i]) * draw.uniform(10, 100);
          cells[i] = String.format(Locale.ROOT, "%.2f", v);
        }
      }
    }
    if (missingRate > 0) {
      for (int i : cols.missing()) {
        if (draw.chance(missingRate)) {
          cells[i] = "";
        }
      }
    }
    return cells;
  }

  private static String misspell(Draw draw, String value) {
    String words = value.replace('_', ' ').toLowerCase(Locale.ROOT);
    return switch (draw.integer(0, 4)) {
      case 0 -> words;
      case 1 -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
      case 2 -> words.replace(' ', '-');
      case 3 -> " " + value + " ";
      default -> Character.toUpperCase(words.charAt(0)) + words.substring(1).replace(' ', '-');
    };
  }

  static boolean isTruth(String fileName) {
    return fileName.startsWith(BankFiles.TRUTH_DIR + "/");
  }
}
