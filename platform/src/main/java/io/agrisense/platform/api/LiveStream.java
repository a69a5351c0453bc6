package io.agrisense.platform.api;

import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.ReadingBatch;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/stream[?station=<id>]}: Server-Sent Events. {@code event: reading} for every stored reading,
 * {@code event: alert} for every JsonObject published on {@link #ALERTS_ADDRESS}. A client that reads too slowly
 * loses events (counted), it never slows ingestion down.
 */
public final class LiveStream implements RouteContributor {

    /** The alert engine publishes alert changes (JsonObject) here; each becomes an {@code event: alert}. */
    public static final String ALERTS_ADDRESS = "agri.stream.alerts";

    private final Vertx vertx;
    private final Duration keepAlive;
    private final int queueBytes;
    private final AtomicInteger clients = new AtomicInteger();
    private final Counter dropped;
    private final MeterProvider<Counter> sent;

    LiveStream(Vertx vertx, Duration keepAlive, int queueBytes, MeterRegistry metrics) {
        this.vertx = vertx;
        this.keepAlive = keepAlive;
        this.queueBytes = queueBytes;
        this.dropped = Counter.builder("agri.sse.dropped.events")
                .description("Events not sent to a live-stream client because its write queue was full").register(metrics);
        this.sent = Counter.builder("agri.sse.events").description("Events sent to live-stream clients, by event")
                .withRegistry(metrics);
        Gauge.builder("agri.sse.clients", clients, AtomicInteger::get).description("Connected live-stream clients")
                .register(metrics);
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/stream").handler(this::open);
    }

    private void open(RoutingContext ctx) {
        String station = ctx.queryParams().get("station");
        if (station != null && !StationId.isValid(station)) {
            throw ApiException.badRequest("station '" + station + "' is not a station id");
        }
        for (String name : ctx.queryParams().names()) {
            if (!name.equals("station")) {
                throw ApiException.badRequest("unknown parameter '" + name + "' (known: station)");
            }
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.setWriteQueueMaxSize(queueBytes);
        response.write("retry: 3000\n: connected\n\n");
        clients.incrementAndGet();

        MessageConsumer<ReadingBatch> readings = vertx.eventBus().localConsumer(IngestEvents.READINGS_COMMITTED, msg -> {
            for (StoredReading r : msg.body().readings()) {
                if (station == null || station.equals(r.station())) {
                    send(response, "reading", reading(r));
                }
            }
        });
        MessageConsumer<Object> alerts = vertx.eventBus().localConsumer(ALERTS_ADDRESS, msg -> {
            if (msg.body() instanceof JsonObject alert
                    && (station == null || !alert.containsKey("station") || station.equals(alert.getString("station")))) {
                send(response, "alert", alert.encode());
            }
        });
        long timer = vertx.setPeriodic(keepAlive.toMillis(), id -> {
            if (!response.writeQueueFull()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(v -> {
            clients.decrementAndGet();
            readings.unregister();
            alerts.unregister();
            vertx.cancelTimer(timer);
        });
    }

    private void send(HttpServerResponse response, String event, String data) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            dropped.increment();
            return;
        }
        response.write("event: " + event + "\ndata: " + data + "\n\n");
        sent.withTags("event", event).increment();
    }

    static String reading(StoredReading r) {
        return new JsonObject()
                .put("station", r.station())
                .put("profile", r.profile())
                .put("metric", r.metric())
                .put("unit", MetricCatalogue.lookup(r.metric()).map(Metric::unit).orElse(null))
                .put("time", r.time().toString())
                .put("value", r.value())
                .encode();
    }
}
