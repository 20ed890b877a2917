package dev.bankml.models.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Readable segment names from the most distinguishing features, e.g. "High income · Frequent
 * travel · Digital": up to three features from different source columns, each |z| ≥ {@value
 * #MIN_Z}, worded by direction ("High"/"Low" for amounts, "Frequent"/"Rare" for shares and counts,
 * the level itself for a category indicator that is over-represented).
 */
final class SegmentNamer {
  static final double MIN_Z = 0.3;
  private static final int PARTS = 3;
  private static final Set<String> FILLER = Set.of(
      "share", "pct", "percent", "frac", "fraction", "n", "num", "number", "count", "cnt", "avg", "mean",
      "average", "total", "amount", "amt", "sum", "monthly", "annual", "yearly", "per", "of", "the", "txn",
      "tx", "trx", "spend", "spending", "value", "level", "days", "12m", "90d", "365d", "180d", "channel",
      "category", "cat", "is", "has");
  private static final Set<String> FREQUENCY = Set.of(
      "share", "pct", "percent", "frac", "fraction", "count", "cnt", "n", "num", "number", "frequency", "freq",
      "txn", "tx", "trx", "transactions");
  private static final Set<String> DIGITAL = Set.of("online", "mobile", "digital", "app", "internet", "web");

  private SegmentNamer() {}

  /** A unique name for every profile, built from its features. */
  static List<String> names(List<SegmentProfile> profiles) {
    List<String> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (SegmentProfile p : profiles) {
      String base = p.segment() < 0 ? "Noise" : name(p);
      int n = seen.merge(base, 1, Integer::sum);
      out.add(n == 1 ? base : base + " #" + n);
    }
    return out;
  }

  static String name(SegmentProfile p) {
    List<FeatureProfile> ranked = new ArrayList<>(p.features());
    ranked.sort((a, b) -> Double.compare(Math.abs(b.zScore()), Math.abs(a.zScore())));
    List<String> parts = new ArrayList<>();
    Set<String> sources = new HashSet<>();
    for (FeatureProfile f : ranked) {
      if (parts.size() == PARTS || Math.abs(f.zScore()) < MIN_Z) {
        break;
      }
      String source = sourceOf(f.feature());
      if (sources.contains(source)) {
        continue;
      }
      String phrase = phrase(f.feature(), f.zScore() > 0);
      if (!phrase.isEmpty() && !parts.contains(phrase)) {
        parts.add(phrase);
        sources.add(source);
      }
    }
    return parts.isEmpty() ? "Typical customers" : String.join(" · ", parts);
  }

  /** The words for a feature being high ({@code up}) or low in a segment; empty to skip it. */
  static String phrase(String feature, boolean up) {
    int eq = feature.indexOf('=');
    if (eq >= 0) {
      return up ? capitalise(String.join(" ", tokens(feature.substring(eq + 1)))) : "";
    }
    List<String> tokens = tokens(feature);
    boolean frequency = tokens.stream().anyMatch(FREQUENCY::contains);
    List<String> words = tokens.stream().filter(t -> !FILLER.contains(t)).toList();
    if (words.isEmpty()) {
      words = tokens;
    }
    if (words.stream().anyMatch(DIGITAL::contains)) {
      return up ? "Digital" : "Offline";
    }
    if (words.contains("age")) {
      return up ? "Older" : "Younger";
    }
    if (words.contains("tenure")) {
      return up ? "Long-standing" : "New customers";
    }
    String subject = String.join(" ", words);
    if (tokens.contains("channel")) {
      return (up ? "Frequent " : "Rare ") + subject + " use";
    }
    if (frequency) {
      return (up ? "Frequent " : "Rare ") + subject;
    }
    return (up ? "High " : "Low ") + subject;
  }

  private static String sourceOf(String feature) {
    int eq = feature.indexOf('=');
    return eq >= 0 ? feature.substring(0, eq) : feature;
  }

  static List<String> tokens(String s) {
    String spaced = s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Arrays.stream(spaced.split("[^a-z0-9]+")).filter(t -> !t.isEmpty()).toList();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
