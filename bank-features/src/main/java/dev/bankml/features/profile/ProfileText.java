package dev.bankml.features.profile;

import java.util.Locale;

/** Renders a {@link Profile} as aligned plain text. */
final class ProfileText {
  private ProfileText() {}

  static String render(Profile p) {
    StringBuilder b = new StringBuilder();
    b.append(p.rows()).append(" rows, ").append(p.columns().size()).append(" columns");
    p.target().ifPresent(t -> b.append(", target '").append(t).append('\''));
    b.append("\n\n");
    b.append(String.format(Locale.ROOT, "%-28s %-11s %-9s %10s %9s %7s %10s%n",
        "column", "type", "role", "count", "missing", "miss%", "distinct"));
    for (ColumnProfile c : p.columns()) {
      b.append(String.format(Locale.ROOT, "%-28s %-11s %-9s %10d %9d %6.1f%% %10d%n",
          c.name(), c.type().name().toLowerCase(Locale.ROOT), c.role().name().toLowerCase(Locale.ROOT),
          c.count(), c.missing(), 100 * c.missingShare(), c.distinct()));
    }
    b.append('\n');
    for (ColumnProfile c : p.columns()) {
      c.numeric().ifPresent(s -> b.append(String.format(Locale.ROOT,
          "%s: mean %s std %s min %s p1 %s p5 %s p25 %s p50 %s p75 %s p95 %s p99 %s max %s skew %s%n",
          c.name(), g(s.mean()), g(s.std()), g(s.min()), g(s.p1()), g(s.p5()), g(s.p25()), g(s.p50()), g(s.p75()),
          g(s.p95()), g(s.p99()), g(s.max()), g(s.skew()))));
      if (!c.topLevels().isEmpty()) {
        b.append(c.name()).append(": top ");
        c.topLevels().forEach(l -> b.append(l.level()).append(" (").append(l.count()).append(") "));
        b.append('\n');
      }
      c.dates().ifPresent(d -> b.append(c.name()).append(": from ").append(d.min()).append(" to ").append(d.max()).append('\n'));
      if (!c.targetRates().isEmpty()) {
        b.append(c.name()).append(": target rate ");
        c.targetRates().forEach(r -> b.append(r.group()).append(' ').append(g(r.rate())).append(" (n=").append(r.count()).append(") "));
        b.append('\n');
      }
    }
    if (!p.correlations().isEmpty()) {
      b.append("\ncorrelations (pearson / spearman)\n");
      for (Correlation c : p.correlations()) {
        b.append(String.format(Locale.ROOT, "  %-24s %-24s %7.3f %7.3f%n", c.a(), c.b(), c.pearson(), c.spearman()));
      }
    }
    if (!p.warnings().isEmpty()) {
      b.append("\nwarnings\n");
      p.warnings().forEach(w -> b.append("  ").append(w.column()).append(": ").append(w.message()).append('\n'));
    }
    return b.toString();
  }

  private static String g(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4g", v);
  }
}
