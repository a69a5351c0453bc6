package io.agrisense.platform.api;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.store.RejectedReadings;
import io.agrisense.platform.store.SeriesReader;
import io.agrisense.platform.store.StationDirectory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the platform: the API of docs/architecture.md, {@code /health}, {@code /metrics}, the live stream, the
 * OpenAPI document and the dashboard; other packages add routes through {@link RouteContributor}s.
 * JDBC runs on the {@code agri-api-db} worker pool, never on the event loop.
 */
public final class ApiVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);

    /** What the API reads from. */
    public record Services(StationDirectory stations, SeriesReader series, RejectedReadings rejected,
                           List<HealthCheck> health, PrometheusMeterRegistry metrics, Clock clock) {
    }

    private final PlatformConfig.Http settings;
    private final Services services;
    private final List<RouteContributor> contributors;
    private WorkerExecutor workers;
    private WorkerExecutor healthWorkers;
    private StationGauges stationGauges;
    private HttpServer server;
    private volatile int port = -1;

    public ApiVerticle(PlatformConfig.Http settings, Services services, List<RouteContributor> contributors) {
        this.settings = settings;
        this.services = services;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor("agri-api-db", 8);
        healthWorkers = vertx.createSharedWorkerExecutor("agri-health", 4); // never queued behind slow API queries
        HttpMetrics httpMetrics = new HttpMetrics(services.metrics());
        Router router = Router.router(vertx);
        router.route().handler(httpMetrics.measure());
        List<RouteContributor> all = new ArrayList<>(List.of(
                new OperationsRoutes(vertx, services.health(), healthWorkers, services.metrics()),
                new StationRoutes(services.stations(), workers),
                new SeriesRoutes(services.series(), workers, services.clock()),
                new RejectedRoutes(services.rejected(), workers),
                new LiveStream(vertx, settings.sseKeepAlive(), settings.sseQueueBytes(), services.metrics())));
        all.addAll(contributors);
        all.forEach(c -> c.mount(router));
        String openApi = resource("api/openapi.yaml");
        router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
        router.route("/api/*").handler(ctx -> Responses.error(ctx, 404, "no such API path: " + ctx.request().path()));
        router.route().handler(ctx -> {
            HttpMetrics.label(ctx, HttpMetrics.STATIC);
            ctx.next();
        }).handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().handler(ctx -> {
            HttpMetrics.label(ctx, HttpMetrics.UNMATCHED);
            Responses.error(ctx, 404, "not found: " + ctx.request().path());
        });
        router.route().failureHandler(ApiVerticle::failure);
        httpMetrics.learn(router);
        stationGauges = new StationGauges(vertx, services.stations(), workers, services.metrics());
        stationGauges.start();

        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setCompressionSupported(true);
        return vertx.createHttpServer(options).requestHandler(router).listen()
                .recover(e -> Future.failedFuture(isAddressInUse(e)
                        ? StartupException.portInUse(settings.port(), "AGRI_HTTP_PORT")
                        : new StartupException("the HTTP server did not start: " + e.getMessage(), e)))
                .onSuccess(s -> {
                    server = s;
                    port = s.actualPort();
                    LOG.info("HTTP API listening on {}:{}", settings.host(), port);
                });
    }

    @Override
    public Future<?> stop() {
        if (stationGauges != null) {
            stationGauges.stop();
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(() -> workers == null ? Future.succeededFuture() : workers.close())
                .eventually(() -> healthWorkers == null ? Future.succeededFuture() : healthWorkers.close());
    }

    /** The port the server listens on (the real one when configured as 0). */
    public int port() {
        return port;
    }

    private static void failure(RoutingContext ctx) {
        Throwable e = ctx.failure();
        if (e != null) {
            Responses.failure(ctx, e);
            return;
        }
        int status = ctx.statusCode();
        String message = switch (status) {
            case 413 -> "request body too large";
            case 415 -> "unsupported content type";
            case 404 -> "not found: " + ctx.request().path();
            case 405 -> "method not allowed";
            default -> "request failed";
        };
        Responses.error(ctx, status, message);
    }

    static boolean isAddressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String name) {
        try (InputStream in = ApiVerticle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the platform jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
