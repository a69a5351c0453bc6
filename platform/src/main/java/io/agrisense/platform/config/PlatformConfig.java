package io.agrisense.platform.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the platform needs to start, read from a YAML file and environment overrides by {@link ConfigLoader}.
 * A null database or broker URL means "start the embedded one under {@link #dataDir()}".
 */
public record PlatformConfig(Database database, Mqtt mqtt, Http http, Coap coap, Ingest ingest, Path dataDir) {

    /** PostgreSQL. {@code url} null: embedded PostgreSQL with its data under {@code <dataDir>/postgres}. */
    public record Database(String url, String user, String password, int poolSize, Duration connectionTimeout) {

        public boolean embedded() {
            return url == null;
        }

        public Database withUrl(String newUrl, String newUser, String newPassword) {
            return new Database(newUrl, newUser, newPassword, poolSize, connectionTimeout);
        }
    }

    /**
     * The broker the platform subscribes to. {@code url} null: embedded HiveMQ listening on {@code port}
     * with its sessions under {@code <dataDir>/mqtt}.
     */
    public record Mqtt(String url, int port, String bindAddress, String clientId, String shareGroup,
                       int receiveMaximum, Duration sessionExpiry, Duration keepAlive) {

        public boolean embedded() {
            return url == null;
        }

        public Mqtt withUrl(String newUrl) {
            return new Mqtt(newUrl, port, bindAddress, clientId, shareGroup, receiveMaximum, sessionExpiry, keepAlive);
        }
    }

    /** The HTTP API, dashboard and HTTP ingest. */
    public record Http(String host, int port, int bodyLimitBytes, Duration sseKeepAlive, int sseQueueBytes,
                       Duration ingestTimeout) {
    }

    /** CoAP ingest over UDP ({@code POST /telemetry/<id>}). */
    public record Coap(boolean enabled, String host, int port, int maxBodyBytes) {
    }

    /** How readings are validated and batched into transactions. */
    public record Ingest(int batchMessages, int batchReadings, Duration batchWait, Duration futureTolerance,
                         int maxPayloadBytes, int queueCapacity, Duration shutdownTimeout) {
    }

    public PlatformConfig withDatabase(Database newDatabase) {
        return new PlatformConfig(newDatabase, mqtt, http, coap, ingest, dataDir);
    }

    public PlatformConfig withMqtt(Mqtt newMqtt) {
        return new PlatformConfig(database, newMqtt, http, coap, ingest, dataDir);
    }
}
