package io.agrisense.platform.api;

import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /health} (200 when every component is up, else 503, with each component's status and detail) and
 * {@code GET /metrics} (Prometheus text). The components are checked concurrently through Vert.x Health Checks on
 * workers of their own, each bounded by {@link #CHECK_TIMEOUT}, so {@code /health} answers within half a second
 * whatever the database or the broker do.
 */
final class OperationsRoutes implements RouteContributor {

    /** A component that has not answered by then is reported down. */
    static final Duration CHECK_TIMEOUT = Duration.ofMillis(400);

    private final List<HealthCheck> checks;
    private final HealthChecks procedures;
    private final PrometheusMeterRegistry metrics;

    OperationsRoutes(Vertx vertx, List<HealthCheck> checks, WorkerExecutor workers, PrometheusMeterRegistry metrics) {
        this.checks = List.copyOf(checks);
        this.metrics = metrics;
        this.procedures = HealthChecks.create(vertx);
        for (HealthCheck c : this.checks) {
            procedures.register(c.name(), CHECK_TIMEOUT.toMillis(), promise -> workers.executeBlocking(c::check, false)
                    .onComplete(ar -> promise.tryComplete(ar.succeeded()
                            ? status(ar.result().up(), ar.result().detail())
                            : status(false, "check failed: " + ar.cause()))));
        }
    }

    @Override
    public void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
    }

    private void health(RoutingContext ctx) {
        procedures.checkStatus().onComplete(ar -> {
            JsonObject components = new JsonObject();
            boolean up = ar.succeeded();
            for (HealthCheck c : checks) {
                CheckResult r = ar.succeeded() ? find(ar.result(), c.name()) : null;
                boolean componentUp = r != null && r.getUp();
                up &= componentUp;
                components.put(c.name(), new JsonObject().put("status", componentUp ? "up" : "down").put("detail", detail(r)));
            }
            Responses.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "up" : "down").put("components", components));
        });
    }

    private static Status status(boolean up, String detail) {
        JsonObject data = new JsonObject().put("detail", detail);
        return up ? Status.OK(data) : Status.KO(data);
    }

    private static CheckResult find(CheckResult all, String name) {
        if (all.getChecks() != null) {
            for (CheckResult r : all.getChecks()) {
                if (name.equals(r.getId())) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The component's own words, or why it gave none (no answer within the timeout). */
    private static String detail(CheckResult r) {
        if (r == null) {
            return "not checked";
        }
        if (r.getFailure() != null) {
            return "Timeout".equals(r.getFailure().getMessage())
                    ? "no answer within " + CHECK_TIMEOUT.toMillis() + " ms"
                    : "check failed: " + r.getFailure().getMessage();
        }
        JsonObject data = r.getData();
        return data == null ? "" : data.getString("detail", "");
    }
}
