package io.agrisense.platform.api;

import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.store.SeriesReader;
import io.agrisense.platform.store.SeriesReader.Point;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/series}: raw or bucketed readings of one station and metric, as JSON or CSV. */
final class SeriesRoutes implements RouteContributor {

    private final SeriesReader reader;
    private final WorkerExecutor workers;
    private final Clock clock;

    SeriesRoutes(SeriesReader reader, WorkerExecutor workers, Clock clock) {
        this.reader = reader;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/series").handler(this::series);
    }

    private void series(RoutingContext ctx) {
        SeriesRequest r = SeriesRequest.parse(params(ctx.queryParams()), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Responses.blocking(ctx, workers, () -> r.bucketed()
                ? reader.buckets(r.station(), r.metric().name(), r.from(), r.to(), r.step(), r.agg())
                : reader.raw(r.station(), r.metric().name(), r.from(), r.to(), SeriesRequest.MAX_POINTS + 1),
                points -> answer(ctx, r, points));
    }

    private static void answer(RoutingContext ctx, SeriesRequest r, List<Point> points) {
        if (points.size() > SeriesRequest.MAX_POINTS) {
            throw ApiException.badRequest("the range holds more than " + SeriesRequest.MAX_POINTS
                    + " points: narrow from/to or set step and agg");
        }
        if (r.format() == SeriesRequest.Format.CSV) {
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "inline; filename=\"" + r.station() + "-" + r.metric().name() + ".csv\"")
                    .end(SeriesFormat.csv(r, points));
        } else {
            Responses.json(ctx, 200, SeriesFormat.json(r, points));
        }
    }

    static Map<String, List<String>> params(MultiMap query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : query.names()) {
            params.put(name, query.getAll(name));
        }
        return params;
    }
}
