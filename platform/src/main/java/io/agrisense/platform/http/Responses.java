package io.agrisense.platform.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON answers and the hop to a worker thread for blocking JDBC, shared by every route of the platform. */
public final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body instanceof JsonObject j ? j.encode() : io.vertx.core.json.Json.encode(body));
    }

    public static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    /** Answers a failed request: ApiException with its status, SQL trouble with 503, anything else 500. */
    public static void failure(RoutingContext ctx, Throwable e) {
        if (e instanceof ApiException a) {
            error(ctx, a.status(), a.getMessage());
        } else if (e instanceof SQLException) {
            LOG.warn("Database query for {} failed: {}", ctx.request().path(), e.getMessage());
            error(ctx, 503, "database unavailable: " + e.getMessage().lines().findFirst().orElse(""));
        } else {
            LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), e);
            error(ctx, 500, "internal error: " + e);
        }
    }

    /** Runs {@code work} on the worker pool (never the event loop), then {@code then} on the event loop. */
    public static <T> void blocking(RoutingContext ctx, WorkerExecutor workers, Callable<T> work, Consumer<T> then) {
        Future<T> f = workers.executeBlocking(work, false);
        f.onComplete(ar -> {
            if (ar.failed()) {
                failure(ctx, ar.cause());
                return;
            }
            try {
                then.accept(ar.result());
            } catch (RuntimeException e) {
                failure(ctx, e);
            }
        });
    }
}
