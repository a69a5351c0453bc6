package io.agrisense.platform.app;

import io.agrisense.platform.api.ApiVerticle;
import io.agrisense.platform.api.HealthCheck;
import io.agrisense.platform.auth.store.SecuritySchema;
import io.agrisense.platform.auth.store.StationRegistry;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.ingest.CoapIngest;
import io.agrisense.platform.ingest.HttpTelemetryRoute;
import io.agrisense.platform.ingest.IngestBatcher;
import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.IngestMetrics;
import io.agrisense.platform.ingest.IngestPipeline;
import io.agrisense.platform.ingest.MqttIngest;
import io.agrisense.platform.ingest.StationProfiles;
import io.agrisense.platform.metrics.PlatformMetrics;
import io.agrisense.platform.store.Database;
import io.agrisense.platform.store.ReadingBatchWriter;
import io.agrisense.platform.store.ReadingWriter;
import io.agrisense.platform.store.RejectedReadings;
import io.agrisense.platform.store.SeriesReader;
import io.agrisense.platform.store.StationDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: builds the parts from the configuration, starts them in order and stops them in reverse. */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    /** What other packages add: API routes and Flyway locations (e.g. the alert engine's). */
    public record Extensions(List<RouteContributor> routes, List<String> migrationLocations) {
        public static Extensions none() {
            return new Extensions(List.of(), List.of());
        }
    }

    private final EmbeddedServices embedded = new EmbeddedServices();
    private final PlatformMetrics metrics = new PlatformMetrics();
    private final Clock clock = Clock.systemUTC();
    private PlatformConfig config;
    private Database database;
    private StationRegistry stations;
    private IngestBatcher batcher;
    private Vertx vertx;
    private ApiVerticle api;
    private CoapIngest coap;
    private MqttIngest mqtt;
    private AlertModule alerts;
    private PlatformHealth platformHealth;

    private Platform() {
    }

    public static Platform start(PlatformConfig config, Extensions extensions) {
        Platform p = new Platform();
        try {
            p.run(config, extensions);
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private void run(PlatformConfig requested, Extensions extensions) {
        config = embedded.start(requested);
        PlatformConfig.Database db = config.database();
        List<String> migrations = new ArrayList<>(List.of(AlertModule.MIGRATIONS, SecuritySchema.MIGRATIONS));
        migrations.addAll(extensions.migrationLocations());
        database = Database.open(db.url(), db.user(), db.password(), db.poolSize(), db.connectionTimeout(), migrations,
                metrics.registry());
        stations = new StationRegistry(database.dataSource(), SecretKeys.cipher(config.security(), config.dataDir()), clock);
        vertx = Vertx.vertx();
        IngestEvents.registerCodecs(vertx);
        IngestPipeline pipeline = new IngestPipeline(config.ingest().futureTolerance(), config.ingest().maxPayloadBytes());
        batcher = new IngestBatcher(new ReadingBatchWriter(database.dataSource())::write, pipeline, profiles(), new IngestMetrics(metrics.registry()),
                (readings, statuses) -> {
                    IngestEvents.publish(vertx, readings);
                    statuses.forEach(s -> IngestEvents.publish(vertx, s));
                }, config.ingest(), clock);
        mqtt = new MqttIngest(config.mqtt(), config.mqtt().url(), pipeline, batcher, clock);

        List<RouteContributor> routes = new ArrayList<>();
        routes.add(new HttpTelemetryRoute(vertx, pipeline, batcher, clock, config.http().bodyLimitBytes(), config.http().ingestTimeout()));
        platformHealth = new PlatformHealth(database, mqtt, batcher, config.ingest().stallTimeout());
        List<HealthCheck> health = new ArrayList<>(platformHealth.checks());
        if (config.alerts().enabled()) {
            alerts = AlertModule.start(new AlertModule.Parts(vertx, database.dataSource(), batcher, metrics.registry(), config, clock));
            routes.addAll(alerts.routes());
            health.add(alerts.health());
        }
        routes.addAll(extensions.routes());
        api = new ApiVerticle(config.http(), new ApiVerticle.Services(new StationDirectory(database.dataSource()),
                new SeriesReader(database.dataSource(), database.mode()), new RejectedReadings(database.dataSource()),
                health, metrics.registry(), clock), routes);
        await(vertx.deployVerticle(api).toCompletionStage().toCompletableFuture(), "HTTP API");

        if (config.coap().enabled()) {
            Context context = vertx.getOrCreateContext();
            coap = new CoapIngest(config.coap(), pipeline, batcher, clock, task -> context.runOnContext(v -> task.run()),
                    config.http().ingestTimeout());
            coap.start();
        }
        Gauge.builder("agri.mqtt.connected", mqtt, m -> m.connected() ? 1 : 0)
                .description("1 while the platform's MQTT client is connected").register(metrics.registry());
        mqtt.start();
        try {
            if (!mqtt.awaitSubscribed(Duration.ofSeconds(10))) {
                LOG.warn("Not yet connected to the MQTT broker {}; continuing, the platform keeps trying", config.mqtt().url());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StationProfiles profiles() {
        try {
            return StationProfiles.load(database.dataSource());
        } catch (SQLException e) {
            throw new StartupException("cannot read the stations table: " + e.getMessage(), e);
        }
    }

    private static void await(java.util.concurrent.Future<?> future, String what) {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new StartupException(what + " did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException(what + " start interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StartupException(what + " did not start within 60 s");
        }
    }

    public PlatformConfig config() {
        return config;
    }

    public int httpPort() {
        return api.port();
    }

    public int coapPort() {
        return coap == null ? -1 : coap.port();
    }

    /** The CoAP DTLS port, or -1 when no station has a pre-shared key. */
    public int coapsPort() {
        return coap == null ? -1 : coap.dtlsPort();
    }

    public String mqttUri() {
        return config.mqtt().url();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database database() {
        return database;
    }

    /** Who may send (closed mode checks it on every channel). */
    public StationRegistry stationRegistry() {
        return stations;
    }

    /** The meters behind {@code /metrics}. */
    public PrometheusMeterRegistry metrics() {
        return metrics.registry();
    }

    /** For the alert engine: derived readings through the validated, idempotent ingest path. */
    public ReadingWriter readingWriter() {
        return batcher;
    }

    /** Stops taking messages, commits and acknowledges what is queued, then stops HTTP, CoAP, the broker and the database. */
    @Override
    public void close() {
        LOG.info("Stopping: ingest (committing and acknowledging what is queued), alerts, HTTP, CoAP, broker, database");
        if (mqtt != null) {
            mqtt.stopReceiving();
        }
        if (coap != null) {
            coap.close();
        }
        if (batcher != null) {
            batcher.close(config.ingest().shutdownTimeout());
        }
        if (alerts != null) {
            alerts.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Vert.x did not stop cleanly: {}", e.toString());
            }
        }
        if (platformHealth != null) {
            platformHealth.close();
        }
        if (database != null) {
            database.close();
        }
        embedded.close();
        metrics.close();
        LOG.info("AgriSense platform stopped");
    }
}
