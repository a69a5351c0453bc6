package io.agrisense.link.config;

import io.agrisense.config.ConfigException;
import io.agrisense.config.ConfigNode;
import io.agrisense.protocol.StationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** The {@code uplink:} section of a station YAML, and the broker URL check the gateway shares. */
public final class UplinkSection {

    private static final Set<String> BROKER_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private UplinkSection() {
    }

    public static UplinkConfig read(ConfigNode u, StationId id, Path baseDir) throws ConfigException {
        u.onlyKeys("mqtt", "coap", "max_readings_per_message", "inflight");
        if (u.has("mqtt") == u.has("coap")) {
            throw u.problem("needs exactly one of 'mqtt' or 'coap'");
        }
        int maxReadings = u.integer("max_readings_per_message", 200, 1, 10_000);
        if (u.has("mqtt")) {
            return new UplinkConfig(mqtt(u.object("mqtt"), id, baseDir), null, maxReadings, u.integer("inflight", 32, 1, 1000));
        }
        return new UplinkConfig(null, coap(u.object("coap")), maxReadings, u.integer("inflight", 1, 1, 16));
    }

    private static UplinkConfig.Mqtt mqtt(ConfigNode m, StationId id, Path baseDir) throws ConfigException {
        m.onlyKeys("url", "username", "password", "tls_ca_file", "tls_cert_file", "tls_key_file", "qos", "client_id");
        String url = m.string("url");
        String problem = brokerUrlProblem(url).orElse(null);
        if (problem != null) {
            throw m.problemAt("url", problem);
        }
        int qos = m.integer("qos", 1, 0, 2);
        if (qos != 1) {
            throw m.problemAt("qos", "must be 1: a record leaves the queue only on the broker's PUBACK");
        }
        Path cert = readableFile(m, "tls_cert_file", baseDir);
        Path key = readableFile(m, "tls_key_file", baseDir);
        if ((cert == null) != (key == null)) {
            throw m.problem("a client certificate needs both tls_cert_file and tls_key_file");
        }
        return new UplinkConfig.Mqtt(url, m.text("username", null), m.text("password", null),
                readableFile(m, "tls_ca_file", baseDir), cert, key, qos, m.text("client_id", "agri-" + id.value()));
    }

    /** A file named by {@code key}, resolved next to the YAML, that must be readable; null when absent. */
    public static Path readableFile(ConfigNode node, String key, Path baseDir) throws ConfigException {
        String text = node.text(key, null);
        if (text == null) {
            return null;
        }
        Path p = Path.of(text);
        Path file = baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
        if (!Files.isReadable(file)) {
            throw node.problemAt(key, "cannot read " + file.toAbsolutePath());
        }
        return file;
    }

    private static UplinkConfig.Coap coap(ConfigNode c) throws ConfigException {
        c.onlyKeys("url", "psk_identity", "psk_key", "psk_key_hex");
        String url = c.string("url");
        String scheme = scheme(url).orElse(null);
        if (scheme == null) {
            throw c.problemAt("url", urlProblem(url));
        }
        if (!scheme.equals("coap") && !scheme.equals("coaps")) {
            throw c.problemAt("url", "scheme must be coap:// or coaps://, not " + scheme + "://");
        }
        String identity = c.text("psk_identity", null);
        byte[] key = null;
        if (c.has("psk_key") && c.has("psk_key_hex")) {
            throw c.problem("give psk_key or psk_key_hex, not both");
        } else if (c.has("psk_key")) {
            key = c.string("psk_key").getBytes(StandardCharsets.UTF_8);
        } else if (c.has("psk_key_hex")) {
            key = c.parsed("psk_key_hex", null, UplinkSection::hex);
        }
        if (scheme.equals("coaps") && (identity == null || key == null)) {
            throw c.problem("coaps:// needs psk_identity and psk_key (or psk_key_hex) for DTLS");
        }
        return new UplinkConfig.Coap(url, identity, key);
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be hexadecimal digits");
        }
    }

    /** What is wrong with an MQTT broker URL ({@code tcp://}, {@code ssl://}, {@code ws://}, {@code wss://}), if anything. */
    public static Optional<String> brokerUrlProblem(String url) {
        String scheme = scheme(url).orElse(null);
        if (scheme == null) {
            return Optional.of(urlProblem(url));
        }
        if (!BROKER_SCHEMES.contains(scheme)) {
            return Optional.of("scheme must be tcp://, ssl://, ws:// or wss://, not " + scheme + "://");
        }
        return Optional.empty();
    }

    private static Optional<String> scheme(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri.getScheme());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String urlProblem(String url) {
        try {
            new URI(url);
            return "'" + url + "' needs a scheme and a host, e.g. tcp://broker.example:1883";
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a URL: " + e.getReason();
        }
    }
}
