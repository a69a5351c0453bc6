package io.agrisense.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the platform needs to start, read from a YAML file and environment overrides by {@link ConfigLoader}.
 * A null database or broker URL means "start the embedded one under {@link #dataDir()}".
 */
public record PlatformConfig(Database database, Mqtt mqtt, Http http, Coap coap, Ingest ingest, Path dataDir,
                             Alerts alerts, Security security) {

    public PlatformConfig {
        alerts = alerts == null ? Alerts.defaults() : alerts;
        security = security == null ? Security.closed() : security;
    }

    /** Without a {@code security} section: closed. */
    public PlatformConfig(Database database, Mqtt mqtt, Http http, Coap coap, Ingest ingest, Path dataDir, Alerts alerts) {
        this(database, mqtt, http, coap, ingest, dataDir, alerts, Security.closed());
    }

    /** Without an {@code alerts} section: the alert engine with its defaults. */
    public PlatformConfig(Database database, Mqtt mqtt, Http http, Coap coap, Ingest ingest, Path dataDir) {
        this(database, mqtt, http, coap, ingest, dataDir, Alerts.defaults(), Security.closed());
    }

    /**
     * Who may do what. {@code mode} closed (serve): every request, connection and post proves who it is; open (the demo):
     * anonymous requests act as an admin. {@code secretKey} (base64 of 32 bytes, from {@code AGRI_SECRET_KEY}) or
     * {@code secretKeyFile}: seals the stations' DTLS keys at rest. {@code adminUser}/{@code adminPassword}
     * ({@code AGRI_ADMIN_USER}/{@code AGRI_ADMIN_PASSWORD}): the first admin of a new database.
     */
    public record Security(Mode mode, String secretKey, Path secretKeyFile, String adminUser, String adminPassword) {

        public enum Mode { CLOSED, OPEN }

        public Security {
            mode = mode == null ? Mode.CLOSED : mode;
        }

        public static Security closed() {
            return new Security(Mode.CLOSED, null, null, null, null);
        }

        public boolean open() {
            return mode == Mode.OPEN;
        }

        public Security withMode(Mode newMode) {
            return new Security(newMode, secretKey, secretKeyFile, adminUser, adminPassword);
        }

        @Override
        public String toString() {
            return "Security[mode=" + mode + ", secretKey=" + (secretKey == null ? "unset" : "****") + ", secretKeyFile="
                    + secretKeyFile + ", adminUser=" + adminUser + ", adminPassword=" + (adminPassword == null ? "unset" : "****") + "]";
        }
    }

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

    /** CoAP ingest over UDP ({@code POST /telemetry/<id>}), and over DTLS with a pre-shared key per station. */
    public record Coap(boolean enabled, String host, int port, int maxBodyBytes, Dtls dtls) {

        public Coap {
            dtls = dtls == null ? Dtls.off() : dtls;
        }

        /** Plain UDP only. */
        public Coap(boolean enabled, String host, int port, int maxBodyBytes) {
            this(enabled, host, port, maxBodyBytes, Dtls.off());
        }
    }

    /**
     * CoAP over DTLS (Scandium) on {@code port}: a station authenticates with its own pre-shared key, its PSK identity
     * being its station id, and may post only for itself. On while {@code keys} names at least one station. With
     * {@code required}, plain UDP posts are refused with 4.01.
     */
    public record Dtls(int port, Map<String, byte[]> keys, boolean required) {

        public Dtls {
            keys = Map.copyOf(keys);
        }

        public static Dtls off() {
            return new Dtls(io.agrisense.protocol.CoapPaths.DEFAULT_DTLS_PORT, Map.of(), false);
        }

        public boolean enabled() {
            return !keys.isEmpty();
        }

        @Override
        public String toString() {
            return "Dtls[port=" + port + ", stations=" + new java.util.TreeSet<>(keys.keySet()) + ", required=" + required + "]";
        }
    }

    /**
     * How readings are validated and batched into transactions; {@code stallTimeout}: {@code /health} reports ingest
     * down when messages have waited that long without a commit.
     */
    public record Ingest(int batchMessages, int batchReadings, Duration batchWait, Duration futureTolerance,
                         int maxPayloadBytes, int queueCapacity, Duration shutdownTimeout, Duration stallTimeout) {
    }

    /**
     * The alert engine and the models on the stream.
     *
     * @param tickInterval         how often no-data, offline and elapsed for-durations are checked (a timer also
     *                             runs at the exact instant a pending for-duration ends)
     * @param snapshotInterval     how often the engine's evaluation state is saved (also at shutdown)
     * @param commandReplyTimeout  a downlink command without a reply by then is recorded as {@code no_reply}
     * @param derivedSeries        compute dew point, VPD, THI, DO saturation and AQI on each committed batch
     * @param dailyModels          compute growing degree days and ET0 once a day per station
     * @param webhooks             where to POST every alert change
     */
    public record Alerts(boolean enabled, Duration tickInterval, Duration snapshotInterval,
                         Duration commandReplyTimeout, boolean derivedSeries, boolean dailyModels,
                         List<Webhook> webhooks, WebhookRetry webhookRetry) {

        public Alerts {
            webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        }

        public static Alerts defaults() {
            return new Alerts(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), true, true,
                    List.of(), WebhookRetry.defaults());
        }

        public Alerts withWebhooks(List<Webhook> newWebhooks, WebhookRetry retry) {
            return new Alerts(enabled, tickInterval, snapshotInterval, commandReplyTimeout, derivedSeries, dailyModels,
                    newWebhooks, retry);
        }
    }

    /**
     * A webhook: every alert change is POSTed to {@code url} as JSON (with an {@code Idempotency-Key} header).
     *
     * @param severities only alerts of these severities (info, warning, critical); empty for all
     */
    public record Webhook(String url, Set<String> severities, Duration timeout) {

        public Webhook {
            severities = severities == null ? Set.of() : Set.copyOf(severities);
        }
    }

    /** Back-off between webhook attempts: doubling from {@code initialBackoff} up to {@code maxBackoff}. */
    public record WebhookRetry(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

        public static WebhookRetry defaults() {
            return new WebhookRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), 20);
        }
    }

    public PlatformConfig withDatabase(Database newDatabase) {
        return new PlatformConfig(newDatabase, mqtt, http, coap, ingest, dataDir, alerts, security);
    }

    public PlatformConfig withMqtt(Mqtt newMqtt) {
        return new PlatformConfig(database, newMqtt, http, coap, ingest, dataDir, alerts, security);
    }

    public PlatformConfig withAlerts(Alerts newAlerts) {
        return new PlatformConfig(database, mqtt, http, coap, ingest, dataDir, newAlerts, security);
    }

    public PlatformConfig withSecurity(Security newSecurity) {
        return new PlatformConfig(database, mqtt, http, coap, ingest, dataDir, alerts, newSecurity);
    }
}
