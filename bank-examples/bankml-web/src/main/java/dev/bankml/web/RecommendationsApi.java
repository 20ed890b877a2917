package dev.bankml.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/customers?q=&segment=&limit=} (type-ahead search over every customer, optionally
 * within one segment), {@code /api/customers/{id}/recommendations?k=} and
 * {@code /api/recommendations/metrics}.
 */
final class RecommendationsApi {
  static final int MAX_K = 20;
  static final int MAX_CUSTOMERS = 500;
  private final Optional<RecommendationsSource> source;
  private final Optional<SegmentsSource> segments;

  RecommendationsApi(Optional<RecommendationsSource> source, Optional<SegmentsSource> segments) {
    this.source = source;
    this.segments = segments;
  }

  void register(Javalin app) {
    app.get("/api/customers", this::customers);
    app.get("/api/customers/{id}/recommendations", this::recommendations);
    app.get("/api/recommendations/metrics", this::metrics);
  }

  private RecommendationsSource source() {
    return source.orElseThrow(() -> ApiError.notLoaded("a product recommender"));
  }

  private void customers(Context ctx) {
    int limit = intParam(ctx, "limit", 20, 1, MAX_CUSTOMERS);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim().toLowerCase(Locale.ROOT);
    if (q.length() > 64) {
      throw new InvalidFieldException("q", "q is longer than 64 characters");
    }
    String rawSegment = ctx.queryParam("segment");
    Integer segment = rawSegment == null || rawSegment.isBlank() ? null
        : intParam(ctx, "segment", 0, -1, 1_000);
    List<Map<String, Object>> found = new ArrayList<>();
    long matches = 0;
    for (String id : source().customers()) {
      if (!q.isEmpty() && !id.toLowerCase(Locale.ROOT).contains(q)) {
        continue;
      }
      Optional<SegmentsSource.Segment> seg = segments.flatMap(s -> s.segmentOf(id));
      if (segment != null && seg.map(x -> x.id() != segment).orElse(true)) {
        continue;
      }
      matches++;
      if (found.size() < limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("segment", seg.map(SegmentsSource.Segment::id).orElse(null));
        m.put("segmentName", seg.map(SegmentsSource.Segment::name).orElse(""));
        found.add(m);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customers", found);
    out.put("matches", matches);
    ctx.json(out);
  }

  private void recommendations(Context ctx) {
    String id = CustomerIds.check(ctx.pathParam("id"));
    int k = intParam(ctx, "k", 5, 1, MAX_K);
    RecommendationsSource s = source();
    List<String> holdings = s.holdings(id)
        .orElseThrow(() -> ApiError.notFound("id", "no customer with id '" + id + "'"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customerId", id);
    out.put("holdings", holdings);
    Optional<SegmentsSource.Segment> seg = segments.flatMap(x -> x.segmentOf(id));
    out.put("segment", seg.<Object>map(x -> Map.of("id", x.id(), "name", x.name(), "description", x.description()))
        .orElse(null));
    out.put("recommendations", s.recommend(id, k));
    out.put("scoreMeaning", s.scoreMeaning());
    ctx.json(out);
  }

  private void metrics(Context ctx) {
    RecommendationsSource s = source();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metrics", s.offlineMetrics());
    out.put("evaluation", s.evaluation());
    ctx.json(out);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int v;
    try {
      v = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException(name, name + " '" + raw + "' is not a whole number; valid: " + min + " to " + max);
    }
    if (v < min || v > max) {
      throw new InvalidFieldException(name, name + " " + v + " is out of range; valid: " + min + " to " + max);
    }
    return v;
  }
}
