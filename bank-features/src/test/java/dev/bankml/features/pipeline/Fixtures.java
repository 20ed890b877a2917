package dev.bankml.features.pipeline;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.Random;

/** A small seeded mixed training table: id, income (some missing), purpose, owner, age, defaulted. */
final class Fixtures {
  static final String[] PURPOSES = {"car", "home", "education", "travel", "rare"};

  private Fixtures() {}

  static Table training(int n, long seed) {
    Random r = new Random(seed);
    double[] id = new double[n];
    double[] income = new double[n];
    String[] purpose = new String[n];
    byte[] owner = new byte[n];
    double[] age = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      income[i] = r.nextDouble() < 0.1 ? Double.NaN : Math.round(20_000 + 80_000 * r.nextDouble());
      // "rare" appears in about 0.3% of rows, so one-hot sends it to (other)
      int p = r.nextInt(1000);
      purpose[i] = p < 3 ? "rare" : p < 50 ? "" : PURPOSES[p % 4];
      owner[i] = (byte) (r.nextDouble() < 0.05 ? -1 : r.nextInt(2));
      age[i] = 18 + r.nextInt(60);
      y[i] = r.nextDouble() < (income[i] < 40_000 ? 0.4 : 0.1) ? 1 : 0;
    }
    return Table.builder()
        .add(NumericColumn.of("id", id), ColumnRole.ID)
        .add(NumericColumn.of("income", income))
        .add(CategoricalColumn.of("purpose", purpose))
        .add(BooleanColumn.ofStates("owner", owner))
        .add(NumericColumn.of("age", age))
        .add(NumericColumn.of("defaulted", y), ColumnRole.TARGET)
        .build();
  }
}
