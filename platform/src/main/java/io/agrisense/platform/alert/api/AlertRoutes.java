package io.agrisense.platform.alert.api;

import io.agrisense.platform.alert.runtime.AlertEngineVerticle;
import io.agrisense.platform.alert.runtime.AlertJson;
import io.agrisense.platform.alert.runtime.AlertRecord;
import io.agrisense.platform.alert.runtime.AlertStore;
import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.protocol.StationId;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code GET /api/v1/alerts[?state=firing|acknowledged|resolved|active&station=&limit=]}, {@code GET /api/v1/alerts/<id>}
 * (with its events) and {@code POST /api/v1/alerts/<id>/ack} (body optional: {@code {"by": "<operator>"}}).
 * Reads come from the alerts table; an acknowledgement goes through the engine, then is stored and notified.
 */
public final class AlertRoutes implements RouteContributor {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> STATES = Set.of("firing", "acknowledged", "resolved", "active");
    private static final Set<String> PARAMS = Set.of("state", "station", "limit");

    private final AlertStore store;
    private final AlertEngineVerticle engine;
    private final WorkerExecutor workers;
    private final OperatorAccess access;

    public AlertRoutes(AlertStore store, AlertEngineVerticle engine, WorkerExecutor workers, OperatorAccess access) {
        this.store = store;
        this.engine = engine;
        this.workers = workers;
        this.access = access;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/alerts").handler(this::list);
        router.get("/api/v1/alerts/:id").handler(this::one);
        router.post("/api/v1/alerts/:id/ack").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::acknowledge);
    }

    private void list(RoutingContext ctx) {
        AlertStore.Filter filter = filter(ctx);
        Responses.blocking(ctx, workers, () -> store.list(filter), alerts -> {
            JsonArray array = new JsonArray();
            alerts.forEach(a -> array.add(AlertJson.of(a)));
            Responses.json(ctx, 200, new JsonObject().put("alerts", array));
        });
    }

    static AlertStore.Filter filter(RoutingContext ctx) {
        for (String name : ctx.queryParams().names()) {
            if (!PARAMS.contains(name)) {
                throw ApiException.badRequest("unknown parameter '" + name + "' (known: state, station, limit)");
            }
        }
        String state = ctx.queryParams().get("state");
        List<String> states;
        if (state == null) {
            states = List.of();
        } else if (!STATES.contains(state)) {
            throw ApiException.badRequest("state '" + state + "' is not one of firing, acknowledged, resolved, active");
        } else {
            states = state.equals("active") ? List.of("firing", "acknowledged") : List.of(state);
        }
        String station = ctx.queryParams().get("station");
        if (station != null && !StationId.isValid(station)) {
            throw ApiException.badRequest("station '" + station + "' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        String limitText = ctx.queryParams().get("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit '" + limitText + "' is not a whole number");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
        }
        return new AlertStore.Filter(states, station, limit);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Responses.blocking(ctx, workers, () -> {
            java.util.Optional<AlertRecord> alert = store.find(id);
            return alert.isEmpty() ? null : AlertJson.of(alert.get()).put("events", new JsonArray(store.events(id)));
        }, json -> {
            if (json == null) {
                throw unknown(id);
            }
            Responses.json(ctx, 200, json);
        });
    }

    private void acknowledge(RoutingContext ctx) {
        if (!access.allows(ctx, OperatorAccess.Action.ACKNOWLEDGE_ALERT)) {
            throw new ApiException(403, OperatorAccess.Action.ACKNOWLEDGE_ALERT.text() + " needs the operator role");
        }
        String id = ctx.pathParam("id");
        String by = operator(ctx);
        Responses.blocking(ctx, workers, () -> store.find(id), found -> {
            AlertRecord alert = found.orElseThrow(() -> unknown(id));
            if (alert.alert().resolvedAt() != null) {
                throw alreadyResolved(alert);
            }
            engine.acknowledge(id, by)
                    .recover(e -> Future.failedFuture(e instanceof NoSuchElementException
                            ? new ApiException(409, "alert '" + id + "' is no longer active (it was resolved)") : e))
                    .compose(acked -> acked != null ? Future.succeededFuture(acked) // already acknowledged: as it is
                            : workers.executeBlocking(() -> store.find(id).orElseThrow(() -> unknown(id)), false))
                    .onSuccess(a -> Responses.json(ctx, 200, AlertJson.of(a)))
                    .onFailure(e -> Responses.failure(ctx, e));
        });
    }

    /** {@code by} from the optional JSON body; "operator" when absent. */
    static String operator(RoutingContext ctx) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        if (body == null || body.isBlank()) {
            return "operator";
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("the body must be a JSON object like {\"by\": \"operator name\"}");
        }
        for (String field : json.fieldNames()) {
            if (!field.equals("by")) {
                throw ApiException.badRequest("unknown field '" + field + "' (known: by)");
            }
        }
        Object by = json.getValue("by");
        if (by == null) {
            return "operator";
        }
        if (!(by instanceof String s) || s.isBlank() || s.length() > 100) {
            throw ApiException.badRequest("'by' must be a name of 1-100 characters");
        }
        return s.strip();
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no alert '" + id + "'");
    }

    private static ApiException alreadyResolved(AlertRecord a) {
        return new ApiException(409, "alert '" + a.id() + "' is already resolved (at " + a.alert().resolvedAt() + ")");
    }
}
