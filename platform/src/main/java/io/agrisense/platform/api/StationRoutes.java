package io.agrisense.platform.api;

import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.store.StationDirectory;
import io.agrisense.platform.store.StationDirectory.LatestValue;
import io.agrisense.platform.store.StationDirectory.StationInfo;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Metric;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/stations}, {@code /api/v1/stations/<id>} and {@code /api/v1/stations/<id>/latest}. */
final class StationRoutes implements RouteContributor {

    private final StationDirectory directory;
    private final WorkerExecutor workers;

    StationRoutes(StationDirectory directory, WorkerExecutor workers) {
        this.directory = directory;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/stations").handler(ctx -> Responses.blocking(ctx, workers, directory::list,
                list -> Responses.json(ctx, 200, new JsonObject().put("stations", stations(list)))));
        router.get("/api/v1/stations/:id").handler(ctx -> {
            String id = stationId(ctx);
            Responses.blocking(ctx, workers, () -> directory.find(id),
                    s -> Responses.json(ctx, 200, station(s.orElseThrow(() -> unknown(id)))));
        });
        router.get("/api/v1/stations/:id/latest").handler(this::latest);
    }

    private void latest(RoutingContext ctx) {
        String id = stationId(ctx);
        Responses.blocking(ctx, workers, () -> {
            Optional<StationInfo> station = directory.find(id);
            return station.isEmpty() ? null : directory.latest(id);
        }, latest -> {
            if (latest == null) {
                throw unknown(id);
            }
            JsonArray readings = new JsonArray();
            for (LatestValue v : latest) {
                readings.add(new JsonObject()
                        .put("metric", v.metric())
                        .put("unit", MetricCatalogue.lookup(v.metric()).map(Metric::unit).orElse(null))
                        .put("time", v.time().toString())
                        .put("value", v.value()));
            }
            Responses.json(ctx, 200, new JsonObject().put("station", id).put("readings", readings));
        });
    }

    static String stationId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!StationId.isValid(id)) {
            throw ApiException.badRequest("'" + id + "' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        return id;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("station '" + id + "' is unknown");
    }

    private static JsonArray stations(List<StationInfo> list) {
        JsonArray array = new JsonArray();
        list.forEach(s -> array.add(station(s)));
        return array;
    }

    static JsonObject station(StationInfo s) {
        return new JsonObject()
                .put("id", s.id())
                .put("profile", s.profile())
                .put("name", s.name())
                .put("agent_version", s.agentVersion())
                .put("status", s.status())
                .put("status_time", text(s.statusTime()))
                .put("first_seen", text(s.firstSeen()))
                .put("last_seen", text(s.lastSeen()))
                .put("reading_count", s.readingCount())
                .put("rejected_count", s.rejectedCount());
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
