package io.agrisense.platform.api;

import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.RejectedReadings;
import io.agrisense.platform.store.RejectedReadings.RejectedRow;
import io.agrisense.protocol.StationId;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code GET /api/v1/rejected[?station=&reason=&limit=]}: the newest rejected readings with their reasons. */
final class RejectedRoutes implements RouteContributor {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> KNOWN = Set.of("station", "reason", "limit");

    private final RejectedReadings rejected;
    private final WorkerExecutor workers;

    RejectedRoutes(RejectedReadings rejected, WorkerExecutor workers) {
        this.rejected = rejected;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/rejected").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        for (String name : q.names()) {
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest("unknown parameter '" + name + "' (known: station, reason, limit)");
            }
        }
        String station = q.get("station");
        if (station != null && !StationId.isValid(station)) {
            throw ApiException.badRequest("station '" + station + "' is not a station id");
        }
        String reason = q.get("reason");
        if (reason != null) {
            try {
                RejectReason.fromCode(reason);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        int limit = limit(q.get("limit"));
        Responses.blocking(ctx, workers, () -> rejected.recent(station, reason, limit), rows -> {
            JsonArray array = new JsonArray();
            for (RejectedRow r : rows) {
                array.add(new JsonObject()
                        .put("id", r.id())
                        .put("received_at", StationRoutes.text(r.receivedAt()))
                        .put("station", r.station())
                        .put("metric", r.metric())
                        .put("time", StationRoutes.text(r.time()))
                        .put("value", r.value())
                        .put("reason_code", r.reasonCode())
                        .put("reason", r.reason())
                        .put("source", r.source())
                        .put("payload_excerpt", r.payloadExcerpt()));
            }
            Responses.json(ctx, 200, new JsonObject().put("rejected", array));
        });
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit '" + text + "' must be a whole number from 1 to " + MAX_LIMIT);
    }
}
