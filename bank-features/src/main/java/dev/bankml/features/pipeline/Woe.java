package dev.bankml.features.pipeline;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.woe.WoeBinning;
import dev.bankml.features.woe.WoeTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weight-of-evidence encoding: each selected column (numeric or categorical) is replaced by
 * {@code <column>_woe}, the WoE of its bin learned against the 0/1 target. The fitted step keeps
 * every column's {@link WoeTable}, including its information value.
 */
public record Woe(Columns columns, WoeBinning binning) implements Step {
  /** Checks the settings. */
  public Woe {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(binning, "binning");
  }

  /** WoE encoding of {@code columns} with {@link WoeBinning#defaults()}. */
  public static Woe of(Columns columns) {
    return new Woe(columns, WoeBinning.defaults());
  }

  @Override
  public WoeFit fit(FitContext ctx) {
    double[] y = ctx.target("WoE binning");
    Map<String, WoeTable> tables = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      if (ctx.table().column(name).type() == ColumnType.CATEGORICAL) {
        CategoricalColumn c = ctx.table().categorical(name);
        tables.put(name, binning.fit(c, y));
      } else {
        tables.put(name, binning.fit(name, Work.numbers(ctx.table(), name), y));
      }
    }
    return new WoeFit(tables);
  }
}
