package io.agrisense.gateway.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import io.agrisense.config.Wording;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.config.BufferSection;
import io.agrisense.link.config.LocalApiSection;
import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.config.UplinkSection;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.PreSharedKeys;
import io.agrisense.protocol.StationId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final long MIN_QUEUE_BYTES = 64 * 1024;
    /** The gateway's local /health and /metrics: on by default, on loopback. */
    public static final int DEFAULT_LOCAL_API_PORT = 9102;

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
        ConfigNode top = ConfigNode.parse(yaml, source, Wording.FIELD);
        top.onlyKeys("gateway_id", "name", "coap", "uplink", "buffer", "health", "local_api");
        String id = top.string("gateway_id");
        if (!StationId.isValid(id)) {
            throw top.problemAt("gateway_id", "'" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        StationId gatewayId = new StationId(id);
        ConfigNode uplink = top.section("uplink");
        uplink.onlyKeys("mqtt", "inflight");
        ConfigNode health = top.section("health");
        health.onlyKeys("interval");
        return new GatewayConfig(gatewayId, top.text("name", id), coap(top.section("coap"), baseDir, env),
                mqtt(uplink.section("mqtt"), gatewayId, baseDir, env), uplink.integer("inflight", 16, 1, 1000),
                buffer(top.section("buffer"), gatewayId, baseDir, env),
                health.duration("interval", Duration.ofSeconds(60), Duration.ofSeconds(1)),
                LocalApiSection.read(top, true, DEFAULT_LOCAL_API_PORT), source);
    }

    private static GatewayConfig.Coap coap(ConfigNode c, Path baseDir, Map<String, String> env) throws ConfigException {
        c.onlyKeys("host", "port", "max_body", "dtls");
        int port = envPort(c, "port", env, ENV_COAP_PORT, c.integer("port", CoapPaths.DEFAULT_PORT, 0, 65535));
        int maxBody = (int) c.bytes("max_body", GatewayConfig.DEFAULT_MAX_BODY_BYTES, 64, 1 << 20);
        return new GatewayConfig.Coap(c.text("host", "0.0.0.0"), port, maxBody, dtls(c.section("dtls"), baseDir, env));
    }

    /**
     * {@code coap.dtls}: {@code keys} (station id: secret) and/or {@code keys_file} (lines {@code <station id>=<secret>}),
     * a secret as {@link PreSharedKeys} reads it (the platform's format).
     */
    private static GatewayConfig.Dtls dtls(ConfigNode d, Path baseDir, Map<String, String> env) throws ConfigException {
        d.onlyKeys("port", "required", "keys", "keys_file");
        Map<String, byte[]> keys = new TreeMap<>();
        for (Map.Entry<String, String> e : d.textMap("keys").entrySet()) {
            try {
                keys.put(e.getKey(), PreSharedKeys.secret(e.getKey(), e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw d.problemAt("keys." + e.getKey(), bad.getMessage());
            }
        }
        String file = d.text("keys_file", null);
        if (file != null) {
            Path path = resolve(baseDir, file);
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw d.problemAt("keys_file", "cannot read " + path.toAbsolutePath() + " (" + e.getMessage() + ")");
            }
            try {
                PreSharedKeys.addLines(path.toString(), lines, keys);
            } catch (IllegalArgumentException bad) {
                throw d.problemAt("keys_file", bad.getMessage());
            }
        }
        boolean required = d.bool("required", false);
        if (required && keys.isEmpty()) {
            throw d.problemAt("required", "is true but no station has a key (keys or keys_file): no station could post");
        }
        int port = envPort(d, "port", env, ENV_COAPS_PORT, d.integer("port", CoapPaths.DEFAULT_DTLS_PORT, 0, 65535));
        return new GatewayConfig.Dtls(port, required, Map.copyOf(keys));
    }

    private static UplinkConfig.Mqtt mqtt(ConfigNode m, StationId id, Path baseDir, Map<String, String> env)
            throws ConfigException {
        m.onlyKeys("url", "username", "password", "credentials_file", "ca_file", "cert_file", "key_file", "client_id");
        String url = m.text("url", null);
        String override = env.get(ENV_MQTT_URL);
        if (override != null && !override.isBlank()) {
            url = override.trim();
            String problem = checkBrokerUrl(url).orElse(null);
            if (problem != null) {
                throw new ConfigException("environment", ENV_MQTT_URL, problem);
            }
        } else if (url == null) {
            throw m.problemAt("url", "is required (or set " + ENV_MQTT_URL + "), e.g. tcp://broker.example:1883");
        } else {
            String problem = checkBrokerUrl(url).orElse(null);
            if (problem != null) {
                throw m.problemAt("url", problem);
            }
        }
        Path cert = UplinkSection.readableFile(m, "cert_file", baseDir);
        Path key = UplinkSection.readableFile(m, "key_file", baseDir);
        if ((cert == null) != (key == null)) {
            throw m.problem("a client certificate needs both cert_file and key_file");
        }
        Credentials credentials = credentials(m, baseDir);
        return new UplinkConfig.Mqtt(url, credentials.username(), credentials.password(),
                UplinkSection.readableFile(m, "ca_file", baseDir), cert, key, 1, m.text("client_id", "agri-gw-" + id.value()));
    }

    private record Credentials(String username, String password) {
    }

    /**
     * {@code username}/{@code password} in the YAML, or {@code credentials_file}: a file of two lines, {@code username=...}
     * and {@code password=...}, readable by the gateway's user only (the installer writes it beside the YAML).
     */
    private static Credentials credentials(ConfigNode m, Path baseDir) throws ConfigException {
        Path file = UplinkSection.readableFile(m, "credentials_file", baseDir);
        if (file == null) {
            return new Credentials(m.text("username", null), m.text("password", null));
        }
        if (m.has("username") || m.has("password")) {
            throw m.problem("give username/password or credentials_file, not both");
        }
        Map<String, String> entries = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                    entries.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw m.problemAt("credentials_file", "cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        if (!entries.containsKey("username") || !entries.containsKey("password")) {
            throw m.problemAt("credentials_file", file + " needs a username=... and a password=... line");
        }
        return new Credentials(entries.get("username"), entries.get("password"));
    }

    /** What is wrong with a broker URL, if anything. */
    public static Optional<String> checkBrokerUrl(String url) {
        return UplinkSection.brokerUrlProblem(url);
    }

    private static BufferConfig buffer(ConfigNode b, StationId id, Path baseDir, Map<String, String> env)
            throws ConfigException {
        String dataDir = env.get(ENV_DATA_DIR);
        Path defaultDir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).resolve("gateway")
                .resolve(id.value()).resolve("queue");
        return BufferSection.read(b, baseDir, defaultDir, 256L << 20, MIN_QUEUE_BYTES);
    }

    private static int envPort(ConfigNode s, String key, Map<String, String> env, String variable, int configured)
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
