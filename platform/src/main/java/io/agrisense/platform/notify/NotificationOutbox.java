package io.agrisense.platform.notify;

import static io.agrisense.platform.notify.DeliveryRecorder.instant;
import static io.agrisense.platform.notify.DeliveryRecorder.set;

import io.agrisense.platform.alert.runtime.AlertMetrics;
import io.agrisense.platform.alert.runtime.Delivery;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.DurableWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox ({@code alert_deliveries}) at least once: each new delivery is tried at once, a failed one
 * again after a doubling back-off (up to {@code maxAttempts}), and whatever is still pending after a restart is
 * picked up from the table. It runs on its own thread with asynchronous MQTT and HTTP, so a failing or slow webhook
 * holds up nothing but its own delivery; at most {@value #MAX_IN_FLIGHT} deliveries are in flight, the rest wait in
 * the table. Commands that could not be sent within the reply timeout expire: a stale "aerator on" is not sent.
 * Each attempt's outcome is stored by the {@link DeliveryRecorder}.
 */
public final class NotificationOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);
    static final int MAX_IN_FLIGHT = 64;
    private static final Duration MQTT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);
    static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final DataSource dataSource;
    private final MqttAlertClient mqtt;
    private final WebhookSender webhooks;
    private final Map<String, Duration> webhookTimeouts = new ConcurrentHashMap<>();
    private final PlatformConfig.Alerts settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final DeliveryRecorder recorder;
    private volatile boolean closed;
    private volatile String trouble;
    private volatile long backlog;

    public NotificationOutbox(DataSource dataSource, MqttAlertClient mqtt, PlatformConfig.Alerts settings, Clock clock,
                              AlertMetrics metrics) {
        this(dataSource, mqtt, new WebhookSender(), settings, clock, metrics);
    }

    NotificationOutbox(DataSource dataSource, MqttAlertClient mqtt, WebhookSender webhooks,
                       PlatformConfig.Alerts settings, Clock clock, AlertMetrics metrics) {
        this.dataSource = dataSource;
        this.mqtt = mqtt;
        this.webhooks = webhooks;
        this.settings = settings;
        this.clock = clock;
        this.recorder = new DeliveryRecorder(dataSource, settings, clock, metrics, this::settled);
        settings.webhooks().forEach(w -> webhookTimeouts.put(w.url(), w.timeout()));
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agri-alert-outbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling the table for due deliveries (those left from before a restart included). */
    public void start() {
        worker.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    /** Finished deliveries are kept {@link #KEEP_FINISHED} for inspection; the alert events keep the history. */
    private void prune() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM alert_deliveries WHERE status <> 'pending' AND created_at < ?")) {
            set(s, 1, clock.instant().minus(KEEP_FINISHED));
            s.executeUpdate();
        } catch (SQLException e) {
            trouble(e);
        }
    }

    /** New deliveries, just committed: tried at once. */
    public void offer(List<Delivery> deliveries) {
        if (!deliveries.isEmpty()) {
            onWorker(() -> deliveries.forEach(this::attempt));
        }
    }

    /** Deliveries under way (sent, or their outcome not yet stored); the table holds the rest. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Undelivered rows in the table (pending, whether due or waiting for their back-off), as of the last poll. */
    public long backlog() {
        return backlog;
    }

    /** Null while the table can be read and outcomes stored, otherwise what fails. */
    public String failure() {
        String f = recorder.failure();
        return f != null ? f : trouble;
    }

    private void attempt(Delivery d) {
        if (closed || inFlight.size() >= MAX_IN_FLIGHT || !inFlight.add(d.id())) {
            return; // already on its way, or too much in flight: it stays pending and the poller comes back to it
        }
        Instant now = clock.instant();
        if (Delivery.COMMAND.equals(d.channel())
                && now.isAfter(d.createdAt().plus(settings.commandReplyTimeout()))) {
            recorder.record(new DeliveryRecorder.Expired(d, now));
            return;
        }
        CompletableFuture<Void> sent;
        try {
            sent = switch (d.channel()) {
                case Delivery.MQTT, Delivery.COMMAND -> mqtt.publish(d.target(), d.payload())
                        .orTimeout(MQTT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                case Delivery.WEBHOOK -> webhooks.post(d.target(), d.payload(), d.eventId(),
                        webhookTimeouts.getOrDefault(d.target(), Duration.ofSeconds(10)));
                default -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown channel " + d.channel()));
            };
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, error) -> recorder.record(error == null
                ? new DeliveryRecorder.Delivered(d, clock.instant())
                : new DeliveryRecorder.Failed(d, why(error), clock.instant())));
    }

    private static String why(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * The delivery's outcome is stored: it leaves the flight on the outbox's thread, so a poll that read the row while
     * it was still pending cannot see it gone from the flight and send it again.
     */
    private void settled(Delivery d) {
        if (closed) {
            inFlight.remove(d.id());
        } else {
            onWorker(() -> inFlight.remove(d.id()));
        }
    }

    private void onWorker(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: the delivery stays pending in the table
        }
    }

    /** The table's due deliveries, and commands that went unanswered. */
    private void poll() {
        if (closed) {
            return;
        }
        try {
            List<Delivery> due = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT id, event_id, channel, target, payload, attempts, created_at FROM alert_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?""")) {
                    set(s, 1, clock.instant());
                    s.setInt(2, MAX_IN_FLIGHT * 2);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            if (!inFlight.contains(rs.getLong(1))) {
                                due.add(new Delivery(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7))));
                            }
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM alert_deliveries WHERE status = 'pending'");
                     ResultSet rs = s.executeQuery()) {
                    backlog = rs.next() ? rs.getLong(1) : 0;
                }
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE alerts SET command_status = 'no_reply', updated_at = ?
                        WHERE command_status = 'sent' AND fired_at < ?""")) {
                    Instant now = clock.instant();
                    set(s, 1, now);
                    set(s, 2, now.minus(settings.commandReplyTimeout().multipliedBy(2)));
                    s.executeUpdate();
                }
            }
            trouble = null;
            due.forEach(this::attempt);
        } catch (SQLException | RuntimeException e) {
            trouble(e);
        }
    }

    private void trouble(Exception e) {
        String first = DurableWriter.firstLine(e);
        if (trouble == null) {
            LOG.warn("Alert outbox cannot reach the database ({}); undelivered notifications wait in the table", first);
        }
        trouble = first;
    }

    /** Stops delivering and stores the outcomes known; what is not delivered stays pending in the table for the next start. */
    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            worker.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        recorder.close(DRAIN_TIMEOUT);
    }
}
