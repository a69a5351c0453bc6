package io.agrisense.platform.app;

import io.agrisense.platform.alert.api.AlertRoutes;
import io.agrisense.platform.alert.api.OperatorAccess;
import io.agrisense.platform.alert.api.RuleRoutes;
import io.agrisense.platform.alert.runtime.AlertEngineVerticle;
import io.agrisense.platform.alert.runtime.AlertJournal;
import io.agrisense.platform.alert.runtime.AlertMetrics;
import io.agrisense.platform.alert.runtime.AlertStore;
import io.agrisense.platform.alert.runtime.RuleStore;
import io.agrisense.platform.api.HealthCheck;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.config.StartupException;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.runtime.DailyModelsVerticle;
import io.agrisense.platform.model.runtime.DerivedSeriesVerticle;
import io.agrisense.platform.notify.AlertNotifier;
import io.agrisense.platform.notify.MqttAlertClient;
import io.agrisense.platform.notify.NotificationOutbox;
import io.agrisense.platform.store.ReadingWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the alert engine and the models inside the platform: the engine verticle and its journal, the
 * notification outbox with its MQTT client, the derived-series and daily-model verticles, and the API routes.
 * Started after the database and before the HTTP API; closed after ingest has committed its last batch.
 */
public final class AlertModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertModule.class);
    /** Flyway location of the alert engine's tables (V20+). */
    public static final String MIGRATIONS = "classpath:db/migration/alerts";

    private final Vertx vertx;
    private final List<String> deployments = new ArrayList<>();
    private MqttAlertClient mqtt;
    private NotificationOutbox outbox;
    private AlertJournal journal;
    private AlertEngineVerticle engine;
    private AlertStore store;
    private WorkerExecutor apiWorkers;

    private AlertModule(Vertx vertx) {
        this.vertx = vertx;
    }

    /** What the module needs from the platform. */
    public record Parts(Vertx vertx, DataSource dataSource, ReadingWriter readingWriter, MeterRegistry metrics,
                       PlatformConfig config, Clock clock) {
    }

    public static AlertModule start(Parts p) {
        AlertModule m = new AlertModule(p.vertx());
        try {
            m.run(p);
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private void run(Parts p) {
        PlatformConfig.Alerts settings = p.config().alerts();
        AlertMetrics metrics = new AlertMetrics(p.metrics());
        store = new AlertStore(p.dataSource());
        mqtt = new MqttAlertClient(p.config().mqtt().url(), p.config().mqtt().clientId() + "-alerts",
                p.config().mqtt().keepAlive());
        outbox = new NotificationOutbox(p.dataSource(), mqtt, settings, p.clock(), metrics);
        AlertNotifier notifier = new AlertNotifier(p.vertx(), outbox, settings.webhooks(), metrics, p.clock());
        journal = new AlertJournal(store, notifier, notifier, p.clock());
        mqtt.onReply((station, commandId, payload) -> {
            io.vertx.core.json.JsonObject reply = replyJson(payload);
            boolean ok = "ok".equals(reply.getValue("status"));
            metrics.commandReply(ok ? "ok" : "error");
            journal.submitReply(commandId, ok, reply.encode(), p.clock().instant());
        });
        Gauge.builder("agri.alert.journal.queue", journal, AlertJournal::queued)
                .description("Alert changes waiting to be stored").register(p.metrics());
        Gauge.builder("agri.alert.outbox.in.flight", outbox, NotificationOutbox::inFlight)
                .description("Notifications being delivered").register(p.metrics());
        Gauge.builder("agri.alert.outbox.backlog", outbox, NotificationOutbox::backlog)
                .description("Undelivered notifications in the outbox table (pending, due or waiting to be retried)")
                .register(p.metrics());

        engine = new AlertEngineVerticle(store, new RuleStore(p.dataSource()), journal, p.clock(), settings, metrics);
        deploy(engine, "alert engine");
        if (settings.derivedSeries()) {
            deploy(new DerivedSeriesVerticle(p.readingWriter(), new DerivedSeries(), p.metrics()), "derived series");
        }
        if (settings.dailyModels()) {
            deploy(new DailyModelsVerticle(p.dataSource(), p.readingWriter(), new DerivedSeries(), p.clock(), p.metrics()),
                    "daily models");
        }
        mqtt.start();
        outbox.start();
        apiWorkers = p.vertx().createSharedWorkerExecutor("agri-alerts-api", 4);
        LOG.info("Alerts: engine, MQTT publisher {}, {} webhook(s){}{}", mqtt.clientId(), settings.webhooks().size(),
                settings.derivedSeries() ? ", derived series on the stream" : "", settings.dailyModels() ? ", daily models" : "");
    }

    /** A reply as stored: the station's JSON object, or the raw text wrapped when it is not one. */
    static io.vertx.core.json.JsonObject replyJson(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            return new io.vertx.core.json.JsonObject(text);
        } catch (RuntimeException e) {
            return new io.vertx.core.json.JsonObject().put("raw", text);
        }
    }

    private void deploy(io.vertx.core.Deployable verticle, String what) {
        try {
            deployments.add(vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StartupException("the " + what + " did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("the " + what + " start was interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StartupException("the " + what + " did not start within 60 s");
        }
    }

    /** {@code /api/v1/alerts} and {@code /api/v1/rules}; today every request may act (see {@link OperatorAccess}). */
    public List<RouteContributor> routes() {
        return List.of(new AlertRoutes(store, engine, apiWorkers, OperatorAccess.EVERYONE),
                new RuleRoutes(engine, OperatorAccess.EVERYONE));
    }

    /** "alerts" on {@code /health}: down while alert changes cannot be stored. */
    public HealthCheck health() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "alerts";
            }

            @Override
            public Status check() {
                String failure = journal.failure();
                String detail = journal.queued() + " change(s) waiting, " + outbox.inFlight() + " notification(s) in flight, MQTT publisher "
                        + (mqtt.connected() ? "connected" : "not connected");
                return failure == null ? Status.up(detail) : Status.down(failure + "; " + detail);
            }
        };
    }

    /** Undeploys the models and the engine (which saves its state), stores what is queued, then stops notifying. */
    @Override
    public void close() {
        for (int i = deployments.size() - 1; i >= 0; i--) {
            try {
                vertx.undeploy(deployments.get(i)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Undeploying {} did not finish cleanly: {}", deployments.get(i), e.toString());
            }
        }
        deployments.clear();
        if (journal != null) {
            journal.close(Duration.ofSeconds(5));
        }
        if (outbox != null) {
            outbox.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        if (apiWorkers != null) {
            Future<Void> closed = apiWorkers.close();
            closed.toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
