package dev.bankml.features.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What is in a table (the EDA a notebook would give): per column its type, counts, missing and
 * distinct values, numeric moments and quantiles, top levels, the target rate per level or
 * quantile bin; Pearson and Spearman correlations among numerics; and warnings (constant, ID-like,
 * high-cardinality, mostly missing, leakage suspects). Readable as records, text or JSON.
 */
public record Profile(
    int rows, Optional<String> target, List<ColumnProfile> columns, List<Correlation> correlations, List<ProfileWarning> warnings) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public Profile {
    columns = List.copyOf(columns);
    correlations = List.copyOf(correlations);
    warnings = List.copyOf(warnings);
  }

  /** Profiles {@code table} without a target. */
  public static Profile of(Table table) {
    return new Profiler(table, Optional.empty()).profile();
  }

  /**
   * Profiles {@code table} with the default rate of binary {@code target} per level and per
   * quantile bin of every other column (rows without a target value left out of the rates).
   *
   * @throws dev.bankml.data.BankmlException when the target is not a binary outcome (see {@link BinaryTarget})
   */
  public static Profile of(Table table, BinaryTarget target) {
    return new Profiler(table, Optional.of(target)).profile();
  }

  /** The profile of column {@code name}. */
  public ColumnProfile column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new dev.bankml.features.table.ColumnNotFoundException(
            name, columns.stream().map(ColumnProfile::name).toList()));
  }

  /** The profile as JSON: {@code rows}, {@code target}, {@code columns} (each with name, type, role, count, missing, distinct, …), {@code correlations}, {@code warnings}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("rows", rows);
    target.ifPresent(t -> root.put("target", t));
    ArrayNode cols = root.putArray("columns");
    for (ColumnProfile c : columns) {
      ObjectNode n = cols.addObject();
      n.put("name", c.name());
      n.put("type", c.type().name().toLowerCase(Locale.ROOT));
      n.put("role", c.role().name().toLowerCase(Locale.ROOT));
      n.put("count", c.count());
      n.put("missing", c.missing());
      n.put("missingShare", c.missingShare());
      n.put("distinct", c.distinct());
      c.numeric().ifPresent(s -> {
        ObjectNode m = n.putObject("numeric");
        m.put("mean", s.mean());
        m.put("std", s.std());
        m.put("min", s.min());
        m.put("p1", s.p1());
        m.put("p5", s.p5());
        m.put("p25", s.p25());
        m.put("p50", s.p50());
        m.put("p75", s.p75());
        m.put("p95", s.p95());
        m.put("p99", s.p99());
        m.put("max", s.max());
        m.put("skew", s.skew());
      });
      if (!c.topLevels().isEmpty()) {
        ArrayNode top = n.putArray("topLevels");
        c.topLevels().forEach(l -> top.addObject().put("level", l.level()).put("count", l.count()));
      }
      c.dates().ifPresent(d -> n.putObject("dates").put("min", d.min().toString()).put("max", d.max().toString()));
      if (!c.targetRates().isEmpty()) {
        ArrayNode tr = n.putArray("targetRates");
        c.targetRates().forEach(r -> tr.addObject().put("group", r.group()).put("count", r.count()).put("rate", r.rate()));
      }
    }
    ArrayNode corr = root.putArray("correlations");
    correlations.forEach(c -> corr.addObject().put("a", c.a()).put("b", c.b()).put("pearson", c.pearson()).put("spearman", c.spearman()));
    ArrayNode warn = root.putArray("warnings");
    warnings.forEach(w -> warn.addObject().put("column", w.column()).put("kind", w.kind().name().toLowerCase(Locale.ROOT)).put("message", w.message()));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write profile JSON", e);
    }
  }

  /** The profile as plain text for a terminal. */
  public String toText() {
    return ProfileText.render(this);
  }
}
