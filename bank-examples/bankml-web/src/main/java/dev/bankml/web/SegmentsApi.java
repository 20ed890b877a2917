package dev.bankml.web;

import dev.bankml.features.dictionary.DataDictionary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/segments[?k=]}, {@code /api/segments/charts[?k=]} and
 * {@code /api/customers/{id}/segment[?k=]}. Without {@code k} they answer for the segmentation as
 * fitted (k chosen by its rule); {@code k} from {@value #MIN_K} to {@value #MAX_K} refits the same
 * customers into that many segments (once per k, then kept).
 */
final class SegmentsApi {
  static final int MIN_K = 2;
  static final int MAX_K = 10;
  private final Optional<SegmentsSource> source;
  private final DataDictionary dictionary;

  SegmentsApi(Optional<SegmentsSource> source, DataDictionary dictionary) {
    this.source = source;
    this.dictionary = dictionary;
  }

  void register(Javalin app) {
    app.get("/api/segments", this::segments);
    app.get("/api/segments/charts", this::charts);
    app.get("/api/customers/{id}/segment", this::segmentOf);
  }

  private SegmentsSource base() {
    return source.orElseThrow(() -> ApiError.notLoaded("a customer segmentation"));
  }

  /** The segmentation the request asks for: the fitted one, or a refit with {@code ?k=}. */
  private SegmentsSource source(Context ctx) {
    SegmentsSource base = base();
    String raw = ctx.queryParam("k");
    if (raw == null || raw.isBlank()) {
      return base;
    }
    int k;
    try {
      k = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("k", "k '" + raw + "' is not a whole number; valid: " + MIN_K + " to " + MAX_K);
    }
    if (k < MIN_K || k > MAX_K) {
      throw new InvalidFieldException("k", "k " + k + " is out of range; valid: " + MIN_K + " to " + MAX_K);
    }
    if (k == base.segments().stream().filter(s -> s.id() >= 0).count()) {
      return base;
    }
    return base.refit(k).orElseThrow(() -> new ApiError(400, "k", "this segmentation cannot be refitted"));
  }

  private void segments(Context ctx) {
    SegmentsSource s = source(ctx);
    List<Map<String, Object>> list = new ArrayList<>();
    for (SegmentsSource.Segment seg : s.segments()) {
      list.add(json(seg));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("k", s.segments().stream().filter(x -> x.id() >= 0).count());
    out.put("features", s.profileFeatures());
    out.put("featureLabels", s.profileFeatures().stream().map(f -> dictionary.describe(f).label()).toList());
    out.put("segments", list);
    out.put("kChoice", base().kEvidence().<Object>map(SegmentsApi::evidence).orElse(null));
    ctx.json(out);
  }

  private static Map<String, Object> evidence(SegmentsSource.KEvidence e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chosen", e.chosen());
    out.put("rule", e.rule());
    out.put("votes", e.votes().stream().map(v -> Map.of("criterion", v.criterion(), "k", v.k())).toList());
    out.put("candidates", e.candidates().stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("k", c.k());
      m.put("inertia", finite(c.inertia()));
      m.put("silhouette", finite(c.silhouette()));
      m.put("daviesBouldin", finite(c.daviesBouldin()));
      m.put("calinskiHarabasz", finite(c.calinskiHarabasz()));
      m.put("predictionStrength", finite(c.predictionStrength()));
      return m;
    }).toList());
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private void charts(Context ctx) {
    SegmentsSource s = source(ctx);
    Map<Integer, List<Object[]>> bySegment = new LinkedHashMap<>();
    for (SegmentsSource.Segment seg : s.segments()) {
      bySegment.put(seg.id(), new ArrayList<>());
    }
    for (SegmentsSource.Point p : s.scatter()) {
      bySegment.computeIfAbsent(p.segment(), k -> new ArrayList<>()).add(new Object[] {p.x(), p.y(), p.customerId()});
    }
    List<Map<String, Object>> series = new ArrayList<>();
    for (SegmentsSource.Segment seg : s.segments()) {
      series.add(Map.of("segment", seg.id(), "name", seg.name(), "points", bySegment.get(seg.id())));
    }
    ctx.json(Map.of("scatter", series));
  }

  private void segmentOf(Context ctx) {
    String id = CustomerIds.check(ctx.pathParam("id"));
    SegmentsSource.Segment seg = source(ctx).segmentOf(id)
        .orElseThrow(() -> ApiError.notFound("id", "no customer with id '" + id + "'"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customerId", id);
    out.putAll(json(seg));
    ctx.json(out);
  }

  private static Map<String, Object> json(SegmentsSource.Segment seg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("segment", seg.id());
    m.put("name", seg.name());
    m.put("size", seg.size());
    m.put("profile", seg.profile());
    m.put("description", seg.description());
    m.put("defaultRate", seg.defaultRate().isPresent() ? seg.defaultRate().getAsDouble() : null);
    m.put("income", finite(seg.income()));
    m.put("topProducts", seg.topProducts().stream().map(x -> Map.of("label", x.label(), "share", x.share())).toList());
    m.put("topSpending", seg.topSpending().stream().map(x -> Map.of("label", x.label(), "share", x.share())).toList());
    return m;
  }
}
