package io.agrisense.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.PreSharedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the platform's YAML file, then applies the environment overrides of the contract (DESIGN.md,
 * "Configuration"). Unknown keys and bad values are errors that name the key or variable.
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        JsonNode root;
        try {
            root = yaml.isBlank() ? MissingNode.getInstance() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new StartupException(origin + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StartupException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        if (root == null || root.isNull()) {
            root = MissingNode.getInstance();
        }
        Section top = new Section(origin, "", root);
        Section db = top.section("database");
        Section mqtt = top.section("mqtt");
        Section http = top.section("http");
        Section coap = top.section("coap");
        Section coapDtls = coap.section("dtls");
        Section ingest = top.section("ingest");

        PlatformConfig.Database database = new PlatformConfig.Database(
                env(env, AGRI_DB_URL, db.text("url", null)),
                env(env, AGRI_DB_USER, db.text("user", "postgres")),
                env(env, AGRI_DB_PASSWORD, db.text("password", "")),
                db.integer("poolSize", 10, 1, 200),
                db.duration("connectionTimeout", Duration.ofSeconds(3)));
        PlatformConfig.Mqtt broker = new PlatformConfig.Mqtt(
                env(env, AGRI_MQTT_URL, mqtt.text("url", null)),
                port(env, AGRI_MQTT_PORT, mqtt.integer("port", 1883, 0, 65535)),
                mqtt.text("bindAddress", "0.0.0.0"),
                mqtt.text("clientId", "agri-platform"),
                mqtt.text("shareGroup", null),
                mqtt.integer("receiveMaximum", 10_000, 1, 65_535),
                mqtt.duration("sessionExpiry", Duration.ofDays(7)),
                mqtt.duration("keepAlive", Duration.ofSeconds(30)));
        PlatformConfig.Http api = new PlatformConfig.Http(
                http.text("host", "0.0.0.0"),
                port(env, AGRI_HTTP_PORT, http.integer("port", 8080, 0, 65535)),
                http.integer("bodyLimitBytes", 1 << 20, 1024, Integer.MAX_VALUE),
                http.duration("sseKeepAlive", Duration.ofSeconds(15)),
                http.integer("sseQueueBytes", 256 * 1024, 1024, Integer.MAX_VALUE),
                http.duration("ingestTimeout", Duration.ofSeconds(10)));
        PlatformConfig.Coap coapConfig = new PlatformConfig.Coap(
                coap.bool("enabled", true),
                coap.text("host", "0.0.0.0"),
                port(env, AGRI_COAP_PORT, coap.integer("port", CoapPaths.DEFAULT_PORT, 0, 65535)),
                coap.integer("maxBodyBytes", 64 * 1024, 64, 8 << 20),
                dtls(coapDtls, env));
        PlatformConfig.Ingest ingestConfig = new PlatformConfig.Ingest(
                ingest.integer("batchMessages", 1000, 1, 100_000),
                ingest.integer("batchReadings", 20_000, 1, 1_000_000),
                ingest.duration("batchWait", Duration.ZERO),
                ingest.duration("futureTolerance", Duration.ofMinutes(5)),
                ingest.integer("maxPayloadBytes", 1 << 20, 64, 64 << 20),
                ingest.integer("queueCapacity", 100_000, 1, 10_000_000),
                ingest.duration("shutdownTimeout", Duration.ofSeconds(10)),
                ingest.duration("stallTimeout", Duration.ofSeconds(60)));
        Path dataDir = Path.of(env(env, AGRI_DATA_DIR, top.text("dataDir", "./agri-data")));
        PlatformConfig.Alerts alertsConfig = alerts(top.section("alerts"));

        top.rejectUnknown();
        for (Section s : List.of(db, mqtt, http, coap, coapDtls, ingest)) {
            s.rejectUnknown();
        }
        return new PlatformConfig(database, broker, api, coapConfig, ingestConfig, dataDir, alertsConfig);
    }

    /**
     * {@code coap.dtls}: {@code keys} (station id: secret) and/or {@code keysFile} (lines {@code <station id>=<secret>});
     * a secret as {@link PreSharedKeys} reads it.
     */
    private static PlatformConfig.Dtls dtls(Section dtls, Map<String, String> env) {
        Map<String, byte[]> keys = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : dtls.textMap("keys").entrySet()) {
            try {
                keys.put(e.getKey(), PreSharedKeys.secret(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new StartupException(dtls.origin + ": setting " + dtls.key("keys") + "." + e.getKey() + ": " + bad.getMessage());
            }
        }
        String file = dtls.text("keysFile", null);
        if (file != null) {
            Path path = Path.of(file);
            try {
                PreSharedKeys.addLines(path.toString(), Files.readAllLines(path), keys);
            } catch (IOException e) {
                throw dtls.bad("keysFile", "cannot be read: " + path.toAbsolutePath() + " (" + e.getMessage() + ")");
            } catch (IllegalArgumentException bad) {
                throw new StartupException(bad.getMessage());
            }
        }
        return new PlatformConfig.Dtls(port(env, AGRI_COAPS_PORT, dtls.integer("port", CoapPaths.DEFAULT_DTLS_PORT, 0, 65535)),
                keys, dtls.bool("required", false));
    }

    private static PlatformConfig.Alerts alerts(Section alerts) {
        PlatformConfig.Alerts d = PlatformConfig.Alerts.defaults();
        Section retry = alerts.section("webhookRetry");
        PlatformConfig.WebhookRetry r = new PlatformConfig.WebhookRetry(
                retry.positiveDuration("initialBackoff", d.webhookRetry().initialBackoff()),
                retry.positiveDuration("maxBackoff", d.webhookRetry().maxBackoff()),
                retry.integer("maxAttempts", d.webhookRetry().maxAttempts(), 1, 1000));
        List<PlatformConfig.Webhook> webhooks = new ArrayList<>();
        for (Section w : alerts.list("webhooks")) {
            String url = w.text("url", null);
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw w.bad("url", url == null ? "is required" : "must be an http:// or https:// URL, got '" + url + "'");
            }
            try {
                java.net.URI.create(url).toURL();
            } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                throw w.bad("url", "is not a valid URL: " + e.getMessage());
            }
            Set<String> severities = new LinkedHashSet<>(w.texts("severities"));
            for (String s : severities) {
                if (!Set.of("info", "warning", "critical").contains(s)) {
                    throw w.bad("severities", "must list info, warning or critical, got '" + s + "'");
                }
            }
            webhooks.add(new PlatformConfig.Webhook(url, severities, w.positiveDuration("timeout", Duration.ofSeconds(10))));
            w.rejectUnknown();
        }
        PlatformConfig.Alerts a = new PlatformConfig.Alerts(
                alerts.bool("enabled", d.enabled()),
                alerts.positiveDuration("tickInterval", d.tickInterval()),
                alerts.positiveDuration("snapshotInterval", d.snapshotInterval()),
                alerts.positiveDuration("commandReplyTimeout", d.commandReplyTimeout()),
                alerts.bool("derivedSeries", d.derivedSeries()),
                alerts.bool("dailyModels", d.dailyModels()),
                webhooks, r);
        retry.rejectUnknown();
        alerts.rejectUnknown();
        return a;
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

    /** One mapping of the YAML file; remembers which keys were read so that typos are reported. */
    private static final class Section {
        private final String origin;
        private final String path;
        private final JsonNode node;
        private final Set<String> known = new LinkedHashSet<>();

        Section(String origin, String path, JsonNode node) {
            this.origin = origin;
            this.path = path;
            this.node = node;
            if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
                throw new StartupException(origin + ": '" + (path.isEmpty() ? "(top level)" : path) + "' must be a mapping");
            }
        }

        Section section(String key) {
            known.add(key);
            return new Section(origin, key(key), node.path(key));
        }

        private String key(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private JsonNode value(String key) {
            known.add(key);
            JsonNode v = node.path(key);
            return v.isMissingNode() || v.isNull() ? null : v;
        }

        String text(String key, String fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isValueNode()) {
                throw bad(key, "must be a single value");
            }
            String s = v.asText().trim();
            return s.isEmpty() ? fallback : s;
        }

        int integer(String key, int fallback, int min, int max) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            int i;
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                i = v.asInt();
            } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) {
                i = Integer.parseInt(v.asText().trim());
            } else {
                throw bad(key, "must be a whole number");
            }
            if (i < min || i > max) {
                throw bad(key, "must be between " + min + " and " + max + ", got " + i);
            }
            return i;
        }

        boolean bool(String key, boolean fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            throw bad(key, "must be true or false");
        }

        Duration duration(String key, Duration fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Durations.parse(v.asText());
            } catch (IllegalArgumentException e) {
                throw bad(key, e.getMessage());
            }
        }

        Duration positiveDuration(String key, Duration fallback) {
            Duration d = duration(key, fallback);
            if (d.isNegative() || d.isZero()) {
                throw bad(key, "must be longer than zero");
            }
            return d;
        }

        /** A list of mappings, e.g. {@code webhooks: [{url: ...}]}; empty when absent. */
        List<Section> list(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw bad(key, "must be a list");
            }
            List<Section> items = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                items.add(new Section(origin, key(key) + "[" + i + "]", v.get(i)));
            }
            return items;
        }

        /** A mapping of names to single values, e.g. {@code keys: {st-1: secret}}; empty when absent. */
        Map<String, String> textMap(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return Map.of();
            }
            if (!v.isObject()) {
                throw bad(key, "must be a mapping of names to values");
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new StartupException(origin + ": setting " + key(key) + "." + e.getKey() + " must be a single value");
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        /** A list of words, or one word. */
        List<String> texts(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v.isArray() ? v : List.of(v)) {
                if (!item.isValueNode()) {
                    throw bad(key, "must be a list of words");
                }
                out.add(item.asText().trim());
            }
            return out;
        }

        void rejectUnknown() {
            if (!node.isObject()) {
                return;
            }
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    unknown.add(key(name));
                }
            }
            if (!unknown.isEmpty()) {
                throw new StartupException(origin + ": unknown setting" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + " (known" + (path.isEmpty() ? "" : " in " + path) + ": "
                        + String.join(", ", known) + ")");
            }
        }

        StartupException bad(String key, String what) {
            return new StartupException(origin + ": setting " + key(key) + " " + what);
        }
    }
}
