package dev.bankml.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/customers?limit=}, {@code /api/customers/{id}/recommendations?k=} and
 * {@code /api/recommendations/metrics}.
 */
final class RecommendationsApi {
  static final int MAX_K = 20;
  static final int MAX_CUSTOMERS = 500;
  private final Optional<RecommendationsSource> source;

  RecommendationsApi(Optional<RecommendationsSource> source) {
    this.source = source;
  }

  void register(Javalin app) {
    app.get("/api/customers", this::customers);
    app.get("/api/customers/{id}/recommendations", this::recommendations);
    app.get("/api/recommendations/metrics", ctx -> ctx.json(Map.of("metrics", source().offlineMetrics())));
  }

  private RecommendationsSource source() {
    return source.orElseThrow(() -> ApiError.notLoaded("a product recommender"));
  }

  private void customers(Context ctx) {
    int limit = intParam(ctx, "limit", 50, 1, MAX_CUSTOMERS);
    ctx.json(Map.of("customers", source().customers(limit)));
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
    out.put("recommendations", s.recommend(id, k));
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
