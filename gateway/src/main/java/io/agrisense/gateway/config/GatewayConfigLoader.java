package io.agrisense.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agrisense.edge.config.BufferConfig;
import io.agrisense.edge.config.ConfigException;
import io.agrisense.edge.config.UplinkConfig;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.PreSharedKeys;
import io.agrisense.protocol.StationId;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a gateway YAML into a validated {@link GatewayConfig}, with the environment's overrides
 * ({@code AGRI_MQTT_URL}, {@code AGRI_COAP_PORT}, {@code AGRI_COAPS_PORT}, {@code AGRI_DATA_DIR}). Every problem is a
 * {@link ConfigException} naming the file, the field and what is wrong.
 */
public final class GatewayConfigLoader {

    public static final String ENV_MQTT_URL = "AGRI_MQTT_URL";
    public static final String ENV_COAP_PORT = "AGRI_COAP_PORT";
    public static final String ENV_COAPS_PORT = "AGRI_COAPS_PORT";
    public static final String ENV_DATA_DIR = "AGRI_DATA_DIR";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MIN_QUEUE_BYTES = 64 * 1024;

    private GatewayConfigLoader() {
    }

    public static GatewayConfig load(Path file, Map<String, String> env) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read the file: " + e.getMessage());
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), env);
    }

    /** Parses YAML text; {@code baseDir} resolves relative paths (CA file, keys file, queue dir). */
    public static GatewayConfig parse(String yaml, String source, Path baseDir, Map<String, String> env) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "", "must be a YAML mapping with gateway_id, coap, uplink and buffer");
        }
        YamlSection top = new YamlSection(source, "", root);
        top.onlyKeys(Set.of("gateway_id", "name", "coap", "uplink", "buffer", "health"));
        String id = top.text("gateway_id", null);
        if (id == null) {
            throw top.problem("gateway_id", "is required");
        }
        if (!StationId.isValid(id)) {
            throw top.problem("gateway_id", "'" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        StationId gatewayId = new StationId(id);
        YamlSection uplink = top.section("uplink");
        uplink.onlyKeys(Set.of("mqtt", "inflight"));
        YamlSection health = top.section("health");
        health.onlyKeys(Set.of("interval"));
        return new GatewayConfig(gatewayId, top.text("name", id), coap(top.section("coap"), baseDir, env),
                mqtt(uplink.section("mqtt"), gatewayId, baseDir, env), uplink.integer("inflight", 16, 1, 1000),
                buffer(top.section("buffer"), gatewayId, baseDir, env),
                health.duration("interval", Duration.ofSeconds(60), Duration.ofSeconds(1)), source);
    }

    private static GatewayConfig.Coap coap(YamlSection c, Path baseDir, Map<String, String> env) throws ConfigException {
        c.onlyKeys(Set.of("host", "port", "max_body", "dtls"));
        int port = envPort(c, "port", env, ENV_COAP_PORT, c.integer("port", CoapPaths.DEFAULT_PORT, 0, 65535));
        int maxBody = (int) c.bytes("max_body", GatewayConfig.DEFAULT_MAX_BODY_BYTES, 64, 1 << 20);
        return new GatewayConfig.Coap(c.text("host", "0.0.0.0"), port, maxBody, dtls(c.section("dtls"), baseDir, env));
    }

    /**
     * {@code coap.dtls}: {@code keys} (station id: secret) and/or {@code keys_file} (lines {@code <station id>=<secret>}),
     * a secret as {@link PreSharedKeys} reads it (the platform's format).
     */
    private static GatewayConfig.Dtls dtls(YamlSection d, Path baseDir, Map<String, String> env) throws ConfigException {
        d.onlyKeys(Set.of("port", "required", "keys", "keys_file"));
        Map<String, byte[]> keys = new TreeMap<>();
        for (Map.Entry<String, String> e : d.textMap("keys").entrySet()) {
            try {
                keys.put(e.getKey(), PreSharedKeys.secret(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw d.problem("keys." + e.getKey(), bad.getMessage());
            }
        }
        String file = d.text("keys_file", null);
        if (file != null) {
            Path path = resolve(baseDir, file);
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw d.problem("keys_file", "cannot read " + path.toAbsolutePath() + " (" + e.getMessage() + ")");
            }
            try {
                PreSharedKeys.addLines(path.toString(), lines, keys);
            } catch (IllegalArgumentException bad) {
                throw d.problem("keys_file", bad.getMessage());
            }
        }
        boolean required = d.bool("required", false);
        if (required && keys.isEmpty()) {
            throw d.problem("required", "is true but no station has a key (keys or keys_file): no station could post");
        }
        int port = envPort(d, "port", env, ENV_COAPS_PORT, d.integer("port", CoapPaths.DEFAULT_DTLS_PORT, 0, 65535));
        return new GatewayConfig.Dtls(port, required, Map.copyOf(keys));
    }

    private static UplinkConfig.Mqtt mqtt(YamlSection m, StationId id, Path baseDir, Map<String, String> env)
            throws ConfigException {
        m.onlyKeys(Set.of("url", "username", "password", "ca_file", "client_id"));
        String url = m.text("url", null);
        String override = env.get(ENV_MQTT_URL);
        if (override != null && !override.isBlank()) {
            url = override.trim();
            String problem = checkBrokerUrl(url).orElse(null);
            if (problem != null) {
                throw new ConfigException("environment", ENV_MQTT_URL, problem);
            }
        } else if (url == null) {
            throw m.problem("url", "is required (or set " + ENV_MQTT_URL + "), e.g. tcp://broker.example:1883");
        } else {
            String problem = checkBrokerUrl(url).orElse(null);
            if (problem != null) {
                throw m.problem("url", problem);
            }
        }
        Path ca = null;
        String caText = m.text("ca_file", null);
        if (caText != null) {
            ca = resolve(baseDir, caText);
            if (!Files.isReadable(ca)) {
                throw m.problem("ca_file", "cannot read " + ca.toAbsolutePath());
            }
        }
        return new UplinkConfig.Mqtt(url, m.text("username", null), m.text("password", null), ca, 1,
                m.text("client_id", "agri-gw-" + id.value()));
    }

    /** What is wrong with a broker URL, if anything. */
    public static java.util.Optional<String> checkBrokerUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return java.util.Optional.of("'" + url + "' needs a scheme and a host, e.g. tcp://broker.example:1883");
            }
            if (!Set.of("tcp", "ssl", "ws", "wss").contains(uri.getScheme())) {
                return java.util.Optional.of("scheme must be tcp://, ssl://, ws:// or wss://, not " + uri.getScheme() + "://");
            }
            return java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.of("'" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static BufferConfig buffer(YamlSection b, StationId id, Path baseDir, Map<String, String> env)
            throws ConfigException {
        b.onlyKeys(Set.of("dir", "max_bytes", "fsync", "fsync_interval"));
        String dirText = b.text("dir", null);
        Path dir;
        if (dirText != null) {
            dir = resolve(baseDir, dirText);
        } else {
            String dataDir = env.get(ENV_DATA_DIR);
            dir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).resolve("gateway").resolve(id.value())
                    .resolve("queue");
        }
        long maxBytes = b.bytes("max_bytes", 256L << 20, MIN_QUEUE_BYTES, Long.MAX_VALUE / 2);
        String fsyncText = b.text("fsync", "batch");
        BufferConfig.FsyncPolicy fsync = null;
        for (BufferConfig.FsyncPolicy p : BufferConfig.FsyncPolicy.values()) {
            if (p.name().equalsIgnoreCase(fsyncText.trim())) {
                fsync = p;
            }
        }
        if (fsync == null) {
            throw b.problem("fsync", "must be one of [always, batch, interval], not '" + fsyncText + "'");
        }
        return new BufferConfig(dir, maxBytes, fsync, b.duration("fsync_interval", Duration.ofSeconds(1), Duration.ofMillis(10)));
    }

    private static int envPort(YamlSection s, String key, Map<String, String> env, String variable, int configured)
            throws ConfigException {
        String text = env.get(variable);
        if (text == null || text.isBlank()) {
            return configured;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("environment", variable, "'" + text + "' is not a port (0-65535) for " + s.field(key));
    }

    private static Path resolve(Path baseDir, String text) {
        Path p = Path.of(text);
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
    }
}
