package io.agrisense.platform.notify;

import io.agrisense.platform.alert.runtime.AlertMetrics;
import io.agrisense.platform.alert.runtime.Delivery;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.DurableWriter;
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
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of each delivery attempt in {@code alert_deliveries} through a {@link DurableWriter}: delivered,
 * tried again after a doubling back-off or failed after {@code maxAttempts}, or (a command) expired unsent. While the
 * database fails the outcomes wait and are retried; a delivery stays in flight until its outcome is recorded, so the
 * poller does not send it again meanwhile. Outcomes given up at shutdown leave their rows pending: sent again after
 * the restart (at least once).
 */
final class DeliveryRecorder implements DurableWriter.Committer<DeliveryRecorder.Outcome, List<DeliveryRecorder.Recorded>> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecorder.class);
    private static final int GROUP = 256;

    /** What became of one attempt. */
    sealed interface Outcome permits Delivered, Failed, Expired {
        Delivery delivery();

        Instant at();
    }

    record Delivered(Delivery delivery, Instant at) implements Outcome {
    }

    record Failed(Delivery delivery, String why, Instant at) implements Outcome {
    }

    record Expired(Delivery delivery, Instant at) implements Outcome {
    }

    /** An outcome as stored: the row's new state (delivered, retry, failed, expired), or null when not recorded. */
    record Recorded(Outcome outcome, String state, int attempts, Instant next) {
    }

    /** Told when a delivery's outcome is stored (or given up): it is no longer under way. */
    interface Settled {
        void settled(Delivery delivery);
    }

    private final DataSource dataSource;
    private final PlatformConfig.Alerts settings;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final Settled settled;
    private final DurableWriter<Outcome, List<Recorded>> writer;

    DeliveryRecorder(DataSource dataSource, PlatformConfig.Alerts settings, Clock clock, AlertMetrics metrics,
                     Settled settled) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.settled = settled;
        this.writer = new DurableWriter<>(
                new DurableWriter.Settings("alert-outbox-writer", "delivery outcome",
                        "delivery outcomes not stored, retrying: ", Integer.MAX_VALUE),
                DurableWriter.Batching.upTo(GROUP), this);
    }

    /** Queues an outcome; once closed, the delivery is settled at once and stays pending in the table. */
    void record(Outcome outcome) {
        if (writer.offer(outcome) != DurableWriter.Offer.QUEUED) {
            settled.settled(outcome.delivery());
        }
    }

    String failure() {
        return writer.health().failure();
    }

    @Override
    public List<Recorded> commit(List<Outcome> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Recorded> recorded = new ArrayList<>(batch.size());
                for (Outcome o : batch) {
                    if (o instanceof Delivered d) {
                        recorded.add(delivered(c, d));
                    } else if (o instanceof Failed f) {
                        recorded.add(failed(c, f));
                    } else {
                        recorded.add(expired(c, (Expired) o));
                    }
                }
                c.commit();
                return recorded;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public List<Recorded> refused(Outcome outcome, SQLException cause) {
        LOG.error("The database refused the outcome of delivery {} ({}); it stays pending", outcome.delivery().id(),
                DurableWriter.firstLine(cause));
        return List.of(new Recorded(outcome, null, outcome.delivery().attempts(), null));
    }

    @Override
    public List<Recorded> merge(List<List<Recorded>> parts) {
        return parts.stream().flatMap(List::stream).toList();
    }

    @Override
    public void completed(List<Outcome> batch, List<Recorded> recorded) {
        for (Recorded r : recorded) {
            Delivery d = r.outcome().delivery();
            settled.settled(d);
            if (r.state() == null) {
                continue;
            }
            metrics.delivery(d.channel(), r.state());
            if (r.outcome() instanceof Failed f) {
                if ("failed".equals(r.state())) {
                    LOG.error("Gave up delivering alert event {} by {} to {} after {} attempts: {}", d.eventId(), d.channel(),
                            d.target(), r.attempts(), f.why());
                } else if (r.attempts() == 1 || r.attempts() % 5 == 0) {
                    LOG.warn("Delivering alert event {} by {} to {} failed (attempt {}): {}; next try at {}", d.eventId(),
                            d.channel(), d.target(), r.attempts(), f.why(), r.next());
                }
            } else if (r.outcome() instanceof Expired) {
                LOG.warn("Command {} to {} expired unsent (the broker was unreachable)", commandId(d.target()), d.target());
            }
        }
    }

    @Override
    public void failed(List<Outcome> batch, Exception cause) {
        batch.forEach(o -> settled.settled(o.delivery()));
    }

    private Recorded delivered(Connection c, Delivered o) throws SQLException {
        Delivery d = o.delivery();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL
                WHERE id = ?""")) {
            set(s, 1, o.at());
            s.setLong(2, d.id());
            s.executeUpdate();
        }
        if (Delivery.COMMAND.equals(d.channel())) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE alerts SET command_status = 'sent', updated_at = ? WHERE command_id = ? AND command_status = 'pending'")) {
                set(s, 1, o.at());
                s.setString(2, commandId(d.target()));
                s.executeUpdate();
            }
        }
        return new Recorded(o, "delivered", d.attempts() + 1, null);
    }

    /** Tried again after a doubling back-off; a notification (not a command) fails for good after maxAttempts. */
    private Recorded failed(Connection c, Failed o) throws SQLException {
        Delivery d = o.delivery();
        int attempts = currentAttempts(c, d) + 1;
        PlatformConfig.WebhookRetry retry = settings.webhookRetry();
        boolean giveUp = attempts >= retry.maxAttempts() && !Delivery.COMMAND.equals(d.channel());
        Instant next = clock.instant().plus(backoff(retry, attempts));
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?""")) {
            s.setString(1, giveUp ? "failed" : "pending");
            s.setInt(2, attempts);
            set(s, 3, next);
            s.setString(4, o.why().length() > 500 ? o.why().substring(0, 500) : o.why());
            s.setLong(5, d.id());
            s.executeUpdate();
        }
        return new Recorded(o, giveUp ? "failed" : "retry", attempts, next);
    }

    private Recorded expired(Connection c, Expired o) throws SQLException {
        Delivery d = o.delivery();
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE alert_deliveries SET status = 'expired', last_error = ? WHERE id = ?")) {
            s.setString(1, "not sent within " + settings.commandReplyTimeout().toSeconds() + " s of the alert: too late to act on");
            s.setLong(2, d.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE alerts SET command_status = 'not_sent', updated_at = ? WHERE command_id = ? AND command_status = 'pending'")) {
            set(s, 1, o.at());
            s.setString(2, commandId(d.target()));
            s.executeUpdate();
        }
        return new Recorded(o, "expired", d.attempts(), null);
    }

    private static int currentAttempts(Connection c, Delivery d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT attempts FROM alert_deliveries WHERE id = ?")) {
            s.setLong(1, d.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : d.attempts();
            }
        }
    }

    /** Doubling from the initial back-off, capped. */
    static Duration backoff(PlatformConfig.WebhookRetry retry, int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = retry.initialBackoff().multipliedBy(factor);
        return d.compareTo(retry.maxBackoff()) > 0 || d.isNegative() ? retry.maxBackoff() : d;
    }

    static String commandId(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static void set(PreparedStatement s, int i, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    /** Records what is queued (giving up after {@code drainTimeout} while the database is down), then stops. */
    void close(Duration drainTimeout) {
        writer.close(drainTimeout);
    }
}
