package dev.bankml.web;

import dev.bankml.report.ChartImage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/segments}, {@code /api/segments/charts} and {@code /api/customers/{id}/segment}. */
final class SegmentsApi {
  private final Optional<SegmentsSource> source;
  private volatile List<ChartImage> charts;

  SegmentsApi(Optional<SegmentsSource> source) {
    this.source = source;
  }

  void register(Javalin app) {
    app.get("/api/segments", this::segments);
    app.get("/api/segments/charts", ctx -> ctx.json(ChartJson.of(charts())));
    app.get("/api/customers/{id}/segment", this::segmentOf);
  }

  private SegmentsSource source() {
    return source.orElseThrow(() -> ApiError.notLoaded("a customer segmentation"));
  }

  private List<ChartImage> charts() {
    List<ChartImage> c = charts;
    if (c == null) {
      synchronized (this) {
        if (charts == null) {
          charts = source().charts();
        }
        c = charts;
      }
    }
    return c;
  }

  private void segments(Context ctx) {
    SegmentsSource s = source();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SegmentsSource.Segment seg : s.segments()) {
      list.add(json(seg));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("features", s.profileFeatures());
    out.put("segments", list);
    ctx.json(out);
  }

  private void segmentOf(Context ctx) {
    String id = CustomerIds.check(ctx.pathParam("id"));
    SegmentsSource.Segment seg = source().segmentOf(id)
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
    return m;
  }
}
