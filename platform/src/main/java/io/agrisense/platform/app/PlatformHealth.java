package io.agrisense.platform.app;

import io.agrisense.platform.api.HealthCheck;
import io.agrisense.platform.config.Durations;
import io.agrisense.platform.ingest.IngestBatcher;
import io.agrisense.platform.ingest.MqttIngest;
import io.agrisense.platform.store.Database;
import io.agrisense.platform.store.DatabaseProbe;
import io.agrisense.platform.store.DurableWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The components {@code /health} reports: the database (through a time-bounded probe), the broker connection, and
 * ingest, which is down while its batches cannot be committed and also when nothing has been committed for
 * {@code ingest.stallTimeout} while messages wait (a writer stuck without an error).
 */
final class PlatformHealth implements AutoCloseable {

    private final DatabaseProbe database;
    private final List<HealthCheck> checks;

    PlatformHealth(Database db, MqttIngest mqtt, IngestBatcher batcher, Duration stallTimeout) {
        database = new DatabaseProbe(db, "PostgreSQL, " + db.mode().name().toLowerCase(Locale.ROOT) + " storage");
        checks = List.of(
                check("database", () -> {
                    DatabaseProbe.Answer a = database.check();
                    return new HealthCheck.Status(a.up(), a.detail());
                }),
                check("broker", () -> mqtt.connected()
                        ? HealthCheck.Status.up("connected to " + mqtt.serverUri())
                        : HealthCheck.Status.down("not connected to " + mqtt.serverUri() + "; reconnecting")),
                check("ingest", () -> ingest(batcher.health(), stallTimeout)));
    }

    List<HealthCheck> checks() {
        return checks;
    }

    /** Down while commits fail, or when messages have waited {@code stallTimeout} without a commit. */
    static HealthCheck.Status ingest(DurableWriter.Health h, Duration stallTimeout) {
        String waiting = " (" + h.queued() + " queued)";
        if (!h.up()) {
            return HealthCheck.Status.down(h.detail() + waiting);
        }
        if (h.stalled().compareTo(stallTimeout) >= 0) {
            return HealthCheck.Status.down("stuck: nothing committed for " + h.stalled().toSeconds() + " s while "
                    + (h.queued() + h.inFlight()) + " message(s) wait (ingest.stallTimeout " + Durations.format(stallTimeout) + ")");
        }
        return HealthCheck.Status.up(h.detail() + waiting);
    }

    private static HealthCheck check(String name, Supplier<HealthCheck.Status> status) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return status.get();
            }
        };
    }

    @Override
    public void close() {
        database.close();
    }
}
