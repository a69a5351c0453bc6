package io.agrisense.platform.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import io.agrisense.config.Wording;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.PreSharedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the platform's YAML file with the shared {@link ConfigNode} walker, then applies the environment overrides of
 * the contract (docs/architecture.md, "Configuration and environment"). Unknown keys and bad values are errors that name the key or
 * variable.
 */
public final class ConfigLoader {

    public static final String AGRI_DB_URL = "AGRI_DB_URL";
    public static final String AGRI_DB_USER = "AGRI_DB_USER";
    public static final String AGRI_DB_PASSWORD = "AGRI_DB_PASSWORD";
    public static final String AGRI_MQTT_URL = "AGRI_MQTT_URL";
    public static final String AGRI_MQTT_PORT = "AGRI_MQTT_PORT";
    public static final String AGRI_HTTP_PORT = "AGRI_HTTP_PORT";
    public static final String AGRI_COAP_PORT = "AGRI_COAP_PORT";
    public static final String AGRI_COAPS_PORT = "AGRI_COAPS_PORT";
    public static final String AGRI_DATA_DIR = "AGRI_DATA_DIR";
    public static final String AGRI_SECRET_KEY = "AGRI_SECRET_KEY";
    public static final String AGRI_ADMIN_USER = "AGRI_ADMIN_USER";
    public static final String AGRI_ADMIN_PASSWORD = "AGRI_ADMIN_PASSWORD";

    private ConfigLoader() {
    }

    /** Loads {@code file} (null: defaults only) and applies {@code env}. */
    public static PlatformConfig load(Path file, Map<String, String> env) {
        if (file == null) {
            return fromYaml("", "defaults", env);
        }
        if (!Files.isRegularFile(file)) {
            throw new StartupException("configuration file " + file + " does not exist");
        }
        try {
            return fromYaml(Files.readString(file), file.toString(), env);
        } catch (IOException e) {
            throw new StartupException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    public static PlatformConfig fromYaml(String yaml, String origin, Map<String, String> env) {
        try {
            return read(ConfigNode.parse(yaml, origin, Wording.SETTING), env);
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static PlatformConfig read(ConfigNode top, Map<String, String> env) throws ConfigException {
        top.onlyKeys("database", "mqtt", "http", "coap", "ingest", "dataDir", "alerts", "security");
        ConfigNode db = top.section("database");
        db.onlyKeys("url", "user", "password", "poolSize", "connectionTimeout");
        ConfigNode mqtt = top.section("mqtt");
        mqtt.onlyKeys("url", "port", "bindAddress", "clientId", "shareGroup", "receiveMaximum", "sessionExpiry", "keepAlive");
        ConfigNode http = top.section("http");
        http.onlyKeys("host", "port", "bodyLimitBytes", "sseKeepAlive", "sseQueueBytes", "ingestTimeout");
        ConfigNode coap = top.section("coap");
        coap.onlyKeys("enabled", "host", "port", "maxBodyBytes", "dtls");
        ConfigNode ingest = top.section("ingest");
        ingest.onlyKeys("batchMessages", "batchReadings", "batchWait", "futureTolerance", "maxPayloadBytes",
                "queueCapacity", "shutdownTimeout", "stallTimeout");

        PlatformConfig.Database database = new PlatformConfig.Database(
                env(env, AGRI_DB_URL, text(db, "url", null)),
                env(env, AGRI_DB_USER, text(db, "user", "postgres")),
                env(env, AGRI_DB_PASSWORD, text(db, "password", "")),
                db.integer("poolSize", 10, 1, 200),
                duration(db, "connectionTimeout", Duration.ofSeconds(3)));
        PlatformConfig.Mqtt broker = new PlatformConfig.Mqtt(
                env(env, AGRI_MQTT_URL, text(mqtt, "url", null)),
                port(env, AGRI_MQTT_PORT, mqtt.integer("port", 1883, 0, 65535)),
                text(mqtt, "bindAddress", "0.0.0.0"),
                text(mqtt, "clientId", "agri-platform"),
                text(mqtt, "shareGroup", null),
                mqtt.integer("receiveMaximum", 10_000, 1, 65_535),
                duration(mqtt, "sessionExpiry", Duration.ofDays(7)),
                duration(mqtt, "keepAlive", Duration.ofSeconds(30)));
        PlatformConfig.Http api = new PlatformConfig.Http(
                text(http, "host", "0.0.0.0"),
                port(env, AGRI_HTTP_PORT, http.integer("port", 8080, 0, 65535)),
                http.integer("bodyLimitBytes", 1 << 20, 1024, Integer.MAX_VALUE),
                duration(http, "sseKeepAlive", Duration.ofSeconds(15)),
                http.integer("sseQueueBytes", 256 * 1024, 1024, Integer.MAX_VALUE),
                duration(http, "ingestTimeout", Duration.ofSeconds(10)));
        PlatformConfig.Coap coapConfig = new PlatformConfig.Coap(
                coap.bool("enabled", true),
                text(coap, "host", "0.0.0.0"),
                port(env, AGRI_COAP_PORT, coap.integer("port", CoapPaths.DEFAULT_PORT, 0, 65535)),
                coap.integer("maxBodyBytes", 64 * 1024, 64, 8 << 20),
                dtls(coap.section("dtls"), env));
        PlatformConfig.Ingest ingestConfig = new PlatformConfig.Ingest(
                ingest.integer("batchMessages", 1000, 1, 100_000),
                ingest.integer("batchReadings", 20_000, 1, 1_000_000),
                duration(ingest, "batchWait", Duration.ZERO),
                duration(ingest, "futureTolerance", Duration.ofMinutes(5)),
                ingest.integer("maxPayloadBytes", 1 << 20, 64, 64 << 20),
                ingest.integer("queueCapacity", 100_000, 1, 10_000_000),
                duration(ingest, "shutdownTimeout", Duration.ofSeconds(10)),
                duration(ingest, "stallTimeout", Duration.ofSeconds(60)));
        Path dataDir = Path.of(env(env, AGRI_DATA_DIR, text(top, "dataDir", "./agri-data")));
        return new PlatformConfig(database, broker, api, coapConfig, ingestConfig, dataDir, alerts(top.section("alerts")),
                security(top.section("security"), env));
    }

    /**
     * {@code coap.dtls}: {@code keys} (station id: secret) and/or {@code keysFile} (lines {@code <station id>=<secret>});
     * a secret as {@link PreSharedKeys} reads it.
     */
    private static PlatformConfig.Dtls dtls(ConfigNode dtls, Map<String, String> env) throws ConfigException {
        dtls.onlyKeys("port", "keys", "keysFile", "required");
        Map<String, byte[]> keys = new TreeMap<>();
        for (Map.Entry<String, String> e : dtls.textMap("keys").entrySet()) {
            try {
                keys.put(e.getKey(), PreSharedKeys.secret(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new StartupException(dtls.source() + ": setting " + dtls.field("keys") + "." + e.getKey() + ": "
                        + bad.getMessage());
            }
        }
        String file = text(dtls, "keysFile", null);
        if (file != null) {
            Path path = Path.of(file);
            try {
                PreSharedKeys.addLines(path.toString(), Files.readAllLines(path), keys);
            } catch (IOException e) {
                throw dtls.problemAt("keysFile", "cannot be read: " + path.toAbsolutePath() + " (" + e.getMessage() + ")");
            } catch (IllegalArgumentException bad) {
                throw new StartupException(bad.getMessage());
            }
        }
        return new PlatformConfig.Dtls(port(env, AGRI_COAPS_PORT, dtls.integer("port", CoapPaths.DEFAULT_DTLS_PORT, 0, 65535)),
                keys, dtls.bool("required", false));
    }

    private static PlatformConfig.Security security(ConfigNode security, Map<String, String> env) throws ConfigException {
        security.onlyKeys("mode", "secretKeyFile");
        String mode = text(security, "mode", "closed");
        PlatformConfig.Security.Mode parsed = switch (mode) {
            case "closed" -> PlatformConfig.Security.Mode.CLOSED;
            case "open" -> PlatformConfig.Security.Mode.OPEN;
            default -> throw security.problemAt("mode", "must be closed or open, got '" + mode + "'");
        };
        String keyFile = text(security, "secretKeyFile", null);
        return new PlatformConfig.Security(parsed, env.get(AGRI_SECRET_KEY), keyFile == null ? null : Path.of(keyFile),
                env.get(AGRI_ADMIN_USER), env.get(AGRI_ADMIN_PASSWORD));
    }

    private static PlatformConfig.Alerts alerts(ConfigNode alerts) throws ConfigException {
        alerts.onlyKeys("enabled", "tickInterval", "snapshotInterval", "commandReplyTimeout", "derivedSeries",
                "dailyModels", "webhooks", "webhookRetry");
        PlatformConfig.Alerts d = PlatformConfig.Alerts.defaults();
        ConfigNode retry = alerts.section("webhookRetry");
        retry.onlyKeys("initialBackoff", "maxBackoff", "maxAttempts");
        PlatformConfig.WebhookRetry r = new PlatformConfig.WebhookRetry(
                positive(retry, "initialBackoff", d.webhookRetry().initialBackoff()),
                positive(retry, "maxBackoff", d.webhookRetry().maxBackoff()),
                retry.integer("maxAttempts", d.webhookRetry().maxAttempts(), 1, 1000));
        List<PlatformConfig.Webhook> webhooks = new ArrayList<>();
        for (ConfigNode w : alerts.list("webhooks")) {
            w.onlyKeys("url", "severities", "timeout");
            String url = text(w, "url", null);
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw w.problemAt("url", url == null ? "is required" : "must be an http:// or https:// URL, got '" + url + "'");
            }
            try {
                java.net.URI.create(url).toURL();
            } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                throw w.problemAt("url", "is not a valid URL: " + e.getMessage());
            }
            Set<String> severities = new LinkedHashSet<>(w.texts("severities"));
            for (String s : severities) {
                if (!Set.of("info", "warning", "critical").contains(s)) {
                    throw w.problemAt("severities", "must list info, warning or critical, got '" + s + "'");
                }
            }
            webhooks.add(new PlatformConfig.Webhook(url, severities, positive(w, "timeout", Duration.ofSeconds(10))));
        }
        return new PlatformConfig.Alerts(
                alerts.bool("enabled", d.enabled()),
                positive(alerts, "tickInterval", d.tickInterval()),
                positive(alerts, "snapshotInterval", d.snapshotInterval()),
                positive(alerts, "commandReplyTimeout", d.commandReplyTimeout()),
                alerts.bool("derivedSeries", d.derivedSeries()),
                alerts.bool("dailyModels", d.dailyModels()),
                webhooks, r);
    }

    /** A setting's text, trimmed. */
    private static String text(ConfigNode node, String key, String fallback) throws ConfigException {
        String s = node.text(key, null);
        return s == null ? fallback : s.trim();
    }

    /** A duration in the platform's forms ({@link Durations}). */
    private static Duration duration(ConfigNode node, String key, Duration fallback) throws ConfigException {
        return node.parsed(key, fallback, Durations::parse);
    }

    private static Duration positive(ConfigNode node, String key, Duration fallback) throws ConfigException {
        Duration d = duration(node, key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw node.problemAt(key, "must be longer than zero");
        }
        return d;
    }

    private static String env(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException(name + " must be a port number 0-65535, got '" + value + "'");
    }
}
