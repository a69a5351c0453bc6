package io.agrisense.platform.app;

import io.agrisense.platform.api.HealthCheck;
import io.agrisense.platform.ingest.IngestBatcher;
import io.agrisense.platform.ingest.MqttIngest;
import io.agrisense.platform.store.Database;
import io.agrisense.platform.store.DurableWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The components {@code /health} reports: database, broker, ingest. */
final class HealthChecks {

    private HealthChecks() {
    }

    static List<HealthCheck> of(Database database, MqttIngest mqtt, IngestBatcher batcher) {
        return List.of(
                check("database", () -> database.ping()
                        ? HealthCheck.Status.up("PostgreSQL, " + database.mode().name().toLowerCase(Locale.ROOT) + " storage")
                        : HealthCheck.Status.down("PostgreSQL does not answer")),
                check("broker", () -> mqtt.connected()
                        ? HealthCheck.Status.up("connected to " + mqtt.serverUri())
                        : HealthCheck.Status.down("not connected to " + mqtt.serverUri() + "; reconnecting")),
                check("ingest", () -> {
                    DurableWriter.Health h = batcher.health();
                    return new HealthCheck.Status(h.up(), h.detail() + " (" + h.queued() + " queued)");
                }));
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
}
