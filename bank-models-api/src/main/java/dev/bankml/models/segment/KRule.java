package dev.bankml.models.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The documented rule that picks k from the candidates (see {@link CustomerSegmentation}): the
 * lowest BIC when every candidate has one (Gaussian mixtures); otherwise a vote of four criteria —
 * the inertia knee, the highest silhouette, the lowest Davies–Bouldin, the highest
 * Calinski–Harabasz — with ties going to the higher Calinski–Harabasz (the most reliable single
 * criterion in Milligan and Cooper's 1985 comparison of thirty).
 */
final class KRule {
  private KRule() {}

  static KSelection choose(List<KCandidate> candidates) {
    int[] ks = candidates.stream().mapToInt(KCandidate::k).toArray();
    double[] inertia = candidates.stream().mapToDouble(KCandidate::inertia).toArray();
    int knee = KneeDetection.knee(ks, inertia);
    if (!candidates.isEmpty() && candidates.stream().allMatch(c -> c.bic().isPresent())) {
      KCandidate best = candidates.stream()
          .min(Comparator.comparingDouble((KCandidate c) -> c.bic().getAsDouble())).orElseThrow();
      return new KSelection(candidates, knee, best.k(), false,
          "lowest BIC over k = " + ks[0] + "…" + ks[ks.length - 1]);
    }
    int bySilhouette = best(candidates, KCandidate::silhouette, true);
    int byDb = best(candidates, KCandidate::daviesBouldin, false);
    int byCh = best(candidates, KCandidate::calinskiHarabasz, true);
    Map<Integer, Integer> votes = new TreeMap<>();
    for (int k : new int[] {knee, bySilhouette, byDb, byCh}) {
      if (k > 0) {
        votes.merge(k, 1, Integer::sum);
      }
    }
    int top = votes.values().stream().max(Integer::compare).orElse(0);
    List<KCandidate> tied = new ArrayList<>();
    for (KCandidate c : candidates) {
      if (votes.getOrDefault(c.k(), 0) == top) {
        tied.add(c);
      }
    }
    KCandidate chosen = tied.stream()
        .max(Comparator.comparingDouble((KCandidate c) -> finite(c.calinskiHarabasz(), true)))
        .orElse(candidates.get(0));
    String rule = String.format(
        "vote of four criteria over k = %d…%d: inertia knee k=%d, best silhouette k=%d, best Davies-Bouldin k=%d, "
            + "best Calinski-Harabasz k=%d; k=%d has %d vote(s)%s",
        ks[0], ks[ks.length - 1], knee, bySilhouette, byDb, byCh, chosen.k(), top,
        tied.size() > 1 ? ", tie broken by Calinski-Harabasz" : "");
    return new KSelection(candidates, knee, chosen.k(), false, rule);
  }

  static List<KVote> votes(List<KCandidate> candidates, int knee) {
    List<KVote> out = new ArrayList<>();
    out.add(new KVote("inertia knee (elbow)", knee > 0 ? knee : -1));
    out.add(new KVote("highest silhouette", best(candidates, KCandidate::silhouette, true)));
    out.add(new KVote("lowest Davies-Bouldin", best(candidates, KCandidate::daviesBouldin, false)));
    out.add(new KVote("highest Calinski-Harabasz", best(candidates, KCandidate::calinskiHarabasz, true)));
    if (!candidates.isEmpty() && candidates.stream().allMatch(c -> c.bic().isPresent())) {
      out.add(new KVote("lowest BIC", best(candidates, c -> c.bic().getAsDouble(), false)));
    }
    return out;
  }

  /** The k of the best finite value of {@code metric}, or -1 if none is finite. */
  private static int best(List<KCandidate> candidates, ToDoubleFunction<KCandidate> metric, boolean higher) {
    int k = -1;
    double bestValue = 0;
    for (KCandidate c : candidates) {
      double v = metric.applyAsDouble(c);
      if (!Double.isFinite(v)) {
        continue;
      }
      if (k < 0 || (higher ? v > bestValue : v < bestValue)) {
        k = c.k();
        bestValue = v;
      }
    }
    return k;
  }

  private static double finite(double v, boolean higher) {
    return Double.isFinite(v) ? v : (higher ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
  }
}
