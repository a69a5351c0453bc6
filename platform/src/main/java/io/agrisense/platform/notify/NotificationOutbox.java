package io.agrisense.platform.notify;

import io.agrisense.platform.alert.runtime.AlertMetrics;
import io.agrisense.platform.alert.runtime.Delivery;
import io.agrisense.platform.config.PlatformConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
 */
public final class NotificationOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);
    static final int MAX_IN_FLIGHT = 64;
    private static final Duration MQTT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final DataSource dataSource;
    private final MqttAlertClient mqtt;
    private final WebhookSender webhooks;
    private final Map<String, Duration> webhookTimeouts = new ConcurrentHashMap<>();
    private final PlatformConfig.Alerts settings;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final ScheduledExecutorService worker;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile String failure;

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
        this.metrics = metrics;
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

    /** Deliveries waiting in memory (in flight); the table holds the rest. */
    public int inFlight() {
        return inFlight.size();
    }

    public String failure() {
        return failure;
    }

    private void attempt(Delivery d) {
        if (closed || inFlight.size() >= MAX_IN_FLIGHT || !inFlight.add(d.id())) {
            return; // already on its way, or too much in flight: it stays pending and the poller comes back to it
        }
        Instant now = clock.instant();
        if (Delivery.COMMAND.equals(d.channel())
                && now.isAfter(d.createdAt().plus(settings.commandReplyTimeout()))) {
            inFlight.remove(d.id());
            expire(d);
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
        sent.whenComplete((ok, error) -> onWorker(() -> finished(d, error)));
    }

    private void onWorker(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the delivery stays pending in the table
        }
    }

    private void finished(Delivery d, Throwable error) {
        try {
            if (error == null) {
                delivered(d);
            } else {
                retryLater(d, error);
            }
        } catch (SQLException e) {
            trouble(e); // the row stays as it was: pending, delivered again later (at least once)
        } finally {
            inFlight.remove(d.id());
        }
    }

    private void delivered(Delivery d) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL
                    WHERE id = ?""")) {
                set(s, 1, now);
                s.setLong(2, d.id());
                s.executeUpdate();
            }
            if (Delivery.COMMAND.equals(d.channel())) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE alerts SET command_status = 'sent', updated_at = ? WHERE command_id = ? AND command_status = 'pending'")) {
                    set(s, 1, now);
                    s.setString(2, commandId(d.target()));
                    s.executeUpdate();
                }
            }
        }
        failure = null;
        metrics.deliveries.inc(d.channel(), "delivered");
    }

    private void retryLater(Delivery d, Throwable error) throws SQLException {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String why = cause instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        int attempts = currentAttempts(d) + 1;
        PlatformConfig.WebhookRetry retry = settings.webhookRetry();
        boolean giveUp = attempts >= retry.maxAttempts() && !Delivery.COMMAND.equals(d.channel());
        Instant next = clock.instant().plus(backoff(retry, attempts));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?""")) {
            s.setString(1, giveUp ? "failed" : "pending");
            s.setInt(2, attempts);
            set(s, 3, next);
            s.setString(4, why.length() > 500 ? why.substring(0, 500) : why);
            s.setLong(5, d.id());
            s.executeUpdate();
        }
        metrics.deliveries.inc(d.channel(), giveUp ? "failed" : "retry");
        if (giveUp) {
            LOG.error("Gave up delivering alert event {} by {} to {} after {} attempts: {}", d.eventId(), d.channel(),
                    d.target(), attempts, why);
        } else if (attempts == 1 || attempts % 5 == 0) {
            LOG.warn("Delivering alert event {} by {} to {} failed (attempt {}): {}; next try at {}", d.eventId(),
                    d.channel(), d.target(), attempts, why, next);
        }
    }

    /** Doubling from the initial back-off, capped. */
    static Duration backoff(PlatformConfig.WebhookRetry retry, int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = retry.initialBackoff().multipliedBy(factor);
        return d.compareTo(retry.maxBackoff()) > 0 || d.isNegative() ? retry.maxBackoff() : d;
    }

    private int currentAttempts(Delivery d) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT attempts FROM alert_deliveries WHERE id = ?")) {
            s.setLong(1, d.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : d.attempts();
            }
        }
    }

    private void expire(Delivery d) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE alert_deliveries SET status = 'expired', last_error = ? WHERE id = ?")) {
                s.setString(1, "not sent within " + settings.commandReplyTimeout().toSeconds() + " s of the alert: too late to act on");
                s.setLong(2, d.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE alerts SET command_status = 'not_sent', updated_at = ? WHERE command_id = ? AND command_status = 'pending'")) {
                set(s, 1, now);
                s.setString(2, commandId(d.target()));
                s.executeUpdate();
            }
            metrics.deliveries.inc(d.channel(), "expired");
            LOG.warn("Command {} to {} expired unsent (the broker was unreachable)", commandId(d.target()), d.target());
        } catch (SQLException e) {
            trouble(e);
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
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE alerts SET command_status = 'no_reply', updated_at = ?
                        WHERE command_status = 'sent' AND fired_at < ?""")) {
                    Instant now = clock.instant();
                    set(s, 1, now);
                    set(s, 2, now.minus(settings.commandReplyTimeout().multipliedBy(2)));
                    s.executeUpdate();
                }
            }
            failure = null;
            due.forEach(this::attempt);
        } catch (SQLException | RuntimeException e) {
            trouble(e);
        }
    }

    private void trouble(Exception e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (failure == null) {
            LOG.warn("Alert outbox cannot reach the database ({}); undelivered notifications wait in the table", first);
        }
        failure = first;
    }

    static String commandId(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void set(PreparedStatement s, int i, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    /** Stops delivering; what is not delivered stays pending in the table for the next start. */
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
    }
}
