package io.agrisense.platform.api;

import io.agrisense.platform.store.StationDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agri_stations{status="online"|"offline"|"unknown"}}: the stations by their last status message, counted on
 * a worker every {@link #EVERY} (a scrape never queries the database); the offline ratio is what operators alert on.
 */
final class StationGauges {

    private static final Logger LOG = LoggerFactory.getLogger(StationGauges.class);
    static final Duration EVERY = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final StationDirectory stations;
    private final WorkerExecutor workers;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private long timer = -1;

    StationGauges(Vertx vertx, StationDirectory stations, WorkerExecutor workers, MeterRegistry registry) {
        this.vertx = vertx;
        this.stations = stations;
        this.workers = workers;
        for (String status : List.of("online", "offline", "unknown")) {
            Gauge.builder("agri.stations", counts, c -> c.getOrDefault(status, 0L)).tag("status", status)
                    .description("Stations by their last status message (online, offline, unknown: none yet)")
                    .register(registry);
        }
    }

    void start() {
        count();
        timer = vertx.setPeriodic(EVERY.toMillis(), id -> count());
    }

    void stop() {
        vertx.cancelTimer(timer);
    }

    private void count() {
        workers.executeBlocking(stations::countByStatus, false)
                .onSuccess(counts::putAll)
                .onFailure(e -> LOG.debug("Counting stations failed: {}", e.toString()));
    }
}
