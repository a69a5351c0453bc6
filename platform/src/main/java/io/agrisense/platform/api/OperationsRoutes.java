package io.agrisense.platform.api;

import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health} (200 when every component is up, else 503) and {@code GET /metrics} (Prometheus text). */
final class OperationsRoutes implements RouteContributor {

    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry metrics;
    private final WorkerExecutor workers;

    OperationsRoutes(List<HealthCheck> checks, PrometheusMeterRegistry metrics, WorkerExecutor workers) {
        this.checks = checks;
        this.metrics = metrics;
        this.workers = workers;
    }

    @Override
    public void mount(Router router) {
        router.get("/health").handler(ctx -> Responses.blocking(ctx, workers, this::check, statuses -> {
            boolean up = statuses.values().stream().allMatch(HealthCheck.Status::up);
            JsonObject components = new JsonObject();
            statuses.forEach((name, s) -> components.put(name,
                    new JsonObject().put("status", s.up() ? "up" : "down").put("detail", s.detail())));
            Responses.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "up" : "down").put("components", components));
        }));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
    }

    private Map<String, HealthCheck.Status> check() {
        Map<String, HealthCheck.Status> out = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            HealthCheck.Status s;
            try {
                s = c.check();
            } catch (RuntimeException e) {
                s = HealthCheck.Status.down(e.toString());
            }
            out.put(c.name(), s);
        }
        return out;
    }
}
