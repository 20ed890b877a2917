package dev.bankml.cli;

import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.BankmlException;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.OfferFilter;
import dev.bankml.recommender.Recommendation;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.Similarity;
import dev.bankml.recommender.TopK;
import dev.bankml.recommender.bank.BankHoldings;
import dev.bankml.recommender.eval.Evaluation;
import dev.bankml.recommender.eval.EvaluationReport;
import dev.bankml.recommender.eval.Holdout;
import dev.bankml.recommender.eval.RankingMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml recommend}: recommends products to customers, or evaluates the recommender. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Recommends the next products for customers with item-based collaborative filtering, or evaluates it.",
      "One of: --customer ID (one customer's top k with reasons), --all --out FILE.csv (every customer),",
      "--evaluate temporal|loo (MAP, precision, recall, NDCG at k and coverage, next to popularity and the oracle)."
    },
    sortOptions = false)
final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "BANKDIR", description = "Bank directory written by 'bankml generate'.")
  Path data;

  @Option(names = "--customer", paramLabel = "ID", description = "Recommend for this customer id.")
  String customer;

  @Option(names = "--k", defaultValue = "7", description = "How many products to recommend (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--similarity", defaultValue = "cosine", paramLabel = "cosine|jaccard|conditional|lift",
      description = "Item-item similarity (default: ${DEFAULT-VALUE}).")
  String similarity;

  @Option(names = "--evaluate", paramLabel = "temporal|loo",
      description = "Evaluate: temporal split at --cutoff, or leave-one-out per customer (seeded).")
  String evaluate;

  @Option(names = "--cutoff", paramLabel = "DATE",
      description = "Temporal split date (yyyy-MM-dd): holdings opened before it train, later ones are predicted. "
          + "Default: one year before the latest opening.")
  String cutoff;

  @Option(names = "--all", description = "Recommend for every customer; needs --out.")
  boolean all;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "With --all: CSV of customer_id,rank,product_id,score,reason.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the leave-one-out split (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    int modes = (customer != null ? 1 : 0) + (all ? 1 : 0) + (evaluate != null ? 1 : 0);
    if (modes != 1) {
      throw new BankmlException(
          "choose exactly one of --customer ID, --all --out FILE.csv, --evaluate temporal|loo");
    }
    if (k < 1) {
      throw new BankmlException("--k is " + k + "; ask for at least 1 product");
    }
    if (all && out == null) {
      throw new BankmlException("--all needs --out FILE.csv to write every customer's recommendations to");
    }
    if (cutoff != null && !"temporal".equals(evaluate)) {
      throw new BankmlException("--cutoff only applies to --evaluate temporal");
    }
    RecommenderSpec recSpec = RecommenderSpec.builder().similarity(Similarity.parse(similarity)).build();
    BankHoldings bank = BankHoldings.read(data);
    PrintWriter stdout = spec.commandLine().getOut();
    if (evaluate != null) {
      evaluate(bank, recSpec, stdout);
    } else if (all) {
      recommendAll(bank, recSpec, stdout);
    } else {
      recommendOne(bank, recSpec, stdout);
    }
    stdout.flush();
    return 0;
  }

  private LocalDate asOf(BankHoldings bank) {
    // not orElse(LocalDate.now()): that reads the time-zone rules even when there are holdings (~30 ms cold)
    Optional<LocalDate> last = bank.lastOpened();
    return last.isPresent() ? last.get() : LocalDate.now();
  }

  private void recommendOne(BankHoldings bank, RecommenderSpec recSpec, PrintWriter stdout) {
    int c = bank.customerIndex(customer);
    InteractionMatrix holdings = bank.matrix();
    ItemRecommender model = recSpec.fit(holdings);
    OfferFilter eligible = bank.eligibility(holdings, asOf(bank));
    List<Recommendation> recs = model.recommend(c, holdings.itemsOf(c), ItemRecommender.NO_SEGMENT, k, eligible);
    if (output.json) {
      StringBuilder items = new StringBuilder("[");
      for (int r = 0; r < recs.size(); r++) {
        Recommendation rec = recs.get(r);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rank", r + 1);
        o.put("product_id", bank.productId(rec.item()));
        o.put("product", rec.label());
        o.put("score", rec.score());
        o.put("reason", rec.reason());
        items.append(r == 0 ? "" : ",").append(Json.object(o));
      }
      Map<String, Object> top = new LinkedHashMap<>();
      top.put("customer_id", customer);
      top.put("holds", heldNames(bank, holdings.itemsOf(c)));
      top.put("recommendations", new Json.Raw(items.append(']').toString()));
      stdout.println(Json.object(top));
      return;
    }
    stdout.printf("Customer %s holds: %s%n", customer, String.join(", ", heldNames(bank, holdings.itemsOf(c))));
    stdout.printf("%-4s  %-10s  %-28s  %7s  %s%n", "rank", "product_id", "product", "score", "reason");
    for (int r = 0; r < recs.size(); r++) {
      Recommendation rec = recs.get(r);
      stdout.printf(Locale.ROOT, "%-4d  %-10s  %-28s  %7.3f  %s%n",
          r + 1, bank.productId(rec.item()), rec.label(), rec.score(), rec.reason());
    }
    if (recs.isEmpty()) {
      stdout.println("(no eligible product left to recommend)");
    }
  }

  private static List<String> heldNames(BankHoldings bank, int[] held) {
    List<String> names = bank.productNames();
    return java.util.Arrays.stream(held).mapToObj(names::get).toList();
  }

  private void recommendAll(BankHoldings bank, RecommenderSpec recSpec, PrintWriter stdout) {
    long t0 = System.nanoTime();
    InteractionMatrix holdings = bank.matrix();
    ItemRecommender model = recSpec.fit(holdings);
    long t1 = System.nanoTime();
    OfferFilter eligible = bank.eligibility(holdings, asOf(bank));
    TopK top = model.recommendAll(holdings, k, eligible, new int[0], Progress.create(output.quiet()));
    long t2 = System.nanoTime();
    long rows = write(bank, top);
    double fit = (t1 - t0) / 1e9;
    double rec = (t2 - t1) / 1e9;
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("customers", holdings.customers());
      o.put("products", holdings.items());
      o.put("k", k);
      o.put("similarity", recSpec.similarity().label());
      o.put("rows", rows);
      o.put("out", out.toString());
      o.put("fit_seconds", fit);
      o.put("recommend_seconds", rec);
      stdout.println(Json.object(o));
    } else {
      stdout.printf(Locale.ROOT, "Wrote %,d recommendations for %,d customers to %s%n", rows, holdings.customers(), out);
      stdout.printf(Locale.ROOT, "fit %.3f s (holdings matrix and similarities), recommend %.3f s (eligibility and "
          + "top k; both inside the JVM, excluding reading and writing the CSV files)%n", fit, rec);
    }
  }

  /** Writes every customer's recommendations to {@code out} in one atomic replacement. */
  private long write(BankHoldings bank, TopK top) {
    long[] rows = {0};
    AtomicFile.writeText(out, w -> {
      w.write("customer_id,rank,product_id,score,reason\n");
      StringBuilder line = new StringBuilder(128);
      for (int c = 0; c < top.customers(); c++) {
        String id = csv(bank.customerId(c));
        for (int r = 0; r < top.count(c); r++) {
          line.setLength(0);
          line.append(id).append(',').append(r + 1).append(',').append(csv(bank.productId(top.item(c, r))))
              .append(',').append(Math.round(top.score(c, r) * 1e6) / 1e6).append(',')
              .append(csv(top.reason(c, r))).append('\n');
          w.append(line);
          rows[0]++;
        }
      }
    });
    return rows[0];
  }

  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private void evaluate(BankHoldings bank, RecommenderSpec recSpec, PrintWriter stdout) {
    Holdout holdout;
    OfferFilter eligible;
    String split;
    if ("temporal".equals(evaluate)) {
      LocalDate date = cutoff == null ? bank.defaultCutoff() : parseDate(cutoff);
      holdout = bank.temporal(date);
      eligible = bank.eligibility(holdout.train(), date);
      split = "temporal split at " + date;
    } else if ("loo".equals(evaluate)) {
      holdout = Holdout.leaveKOut(bank.matrix(), 1, seed);
      eligible = bank.eligibility(holdout.train(), asOf(bank));
      split = "leave-one-out, seed " + seed;
    } else {
      throw new BankmlException("--evaluate is '" + evaluate + "'; valid: temporal, loo");
    }
    if (holdout.evaluatedCustomers() == 0) {
      throw new BankmlException(
          "the " + split + " leaves no customer with a product to predict; "
              + ("temporal".equals(evaluate) ? "choose an earlier --cutoff" : "customers need at least 2 holdings"));
    }
    EvaluationReport report = Evaluation.run(recSpec, holdout, k, eligible, new int[0], bank.propensity());
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("evaluate", evaluate);
      o.put("split", split);
      o.put("similarity", recSpec.similarity().label());
      o.put("k", k);
      o.put("customers_evaluated", report.recommender().customers());
      put(o, "", report.recommender());
      put(o, "popularity_", report.popularity());
      report.oracle().ifPresent(m -> put(o, "oracle_", m));
      o.put("map_over_popularity", report.mapOverPopularity());
      report.mapOverOracle().ifPresent(r -> o.put("map_over_oracle", r));
      stdout.println(Json.object(o));
      return;
    }
    stdout.printf(Locale.ROOT, "%s, %s similarity, %,d customers with a product to predict, k = %d%n",
        split, recSpec.similarity().label(), report.recommender().customers(), k);
    stdout.printf("%-12s  %8s  %8s  %8s  %8s  %8s  %8s%n", "", "MAP@k", "prec@k", "recall@k", "hit@k", "NDCG@k", "coverage");
    row(stdout, "recommender", report.recommender());
    row(stdout, "popularity", report.popularity());
    report.oracle().ifPresent(m -> row(stdout, "oracle", m));
    stdout.printf(Locale.ROOT, "MAP@%d is %.2f× popularity", k, report.mapOverPopularity());
    report.mapOverOracle().ifPresent(r -> stdout.printf(Locale.ROOT, " and %.2f× the oracle", r));
    stdout.println(report.oracle().isPresent() ? "" : " (no truth/ directory: no oracle)");
  }

  private static void row(PrintWriter out, String name, RankingMetrics m) {
    out.printf(Locale.ROOT, "%-12s  %8.4f  %8.4f  %8.4f  %8.4f  %8.4f  %8.4f%n",
        name, m.map(), m.precision(), m.recall(), m.hitRate(), m.ndcg(), m.coverage());
  }

  private static void put(Map<String, Object> o, String prefix, RankingMetrics m) {
    o.put(prefix + "map_at_k", m.map());
    o.put(prefix + "precision_at_k", m.precision());
    o.put(prefix + "recall_at_k", m.recall());
    o.put(prefix + "hit_rate_at_k", m.hitRate());
    o.put(prefix + "ndcg_at_k", m.ndcg());
    o.put(prefix + "coverage", m.coverage());
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BankmlException("--cutoff '" + text + "' is not a date; use yyyy-MM-dd, e.g. 2024-01-01");
    }
  }

  /** Just enough JSON for flat objects of strings, numbers, lists of strings and pre-rendered values. */
  private static final class Json {
    record Raw(String json) {}

    static String object(Map<String, Object> o) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<String, Object> e : o.entrySet()) {
        b.append(first ? "" : ",").append(string(e.getKey())).append(':').append(value(e.getValue()));
        first = false;
      }
      return b.append('}').toString();
    }

    static String value(Object v) {
      if (v instanceof Raw raw) {
        return raw.json();
      }
      if (v instanceof Double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
      }
      if (v instanceof Number || v instanceof Boolean) {
        return v.toString();
      }
      if (v instanceof List<?> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
          b.append(i == 0 ? "" : ",").append(value(list.get(i)));
        }
        return b.append(']').toString();
      }
      if (v instanceof Optional<?> opt) {
        return opt.map(Json::value).orElse("null");
      }
      return string(String.valueOf(v));
    }

    static String string(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char ch : s.toCharArray()) {
        switch (ch) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (ch < 0x20) {
              b.append(String.format("\\u%04x", (int) ch));
            } else {
              b.append(ch);
            }
          }
        }
      }
      return b.append('"').toString();
    }
  }
}
