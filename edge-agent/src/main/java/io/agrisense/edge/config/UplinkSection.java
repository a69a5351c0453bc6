package io.agrisense.edge.config;

import io.agrisense.protocol.StationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The {@code uplink:} section of a station YAML. */
final class UplinkSection {

    private UplinkSection() {
    }

    static UplinkConfig read(ConfigNode u, StationId id, Path baseDir) throws ConfigException {
        u.onlyKeys(Set.of("mqtt", "coap", "max_readings_per_message", "inflight"));
        if (u.has("mqtt") == u.has("coap")) {
            throw u.problem("needs exactly one of 'mqtt' or 'coap'");
        }
        int maxReadings = u.optInt("max_readings_per_message", 200, 1, 10_000);
        if (u.has("mqtt")) {
            return new UplinkConfig(mqtt(u.object("mqtt"), id, baseDir), null, maxReadings, u.optInt("inflight", 32, 1, 1000));
        }
        return new UplinkConfig(null, coap(u.object("coap")), maxReadings, u.optInt("inflight", 1, 1, 16));
    }

    private static UplinkConfig.Mqtt mqtt(ConfigNode m, StationId id, Path baseDir) throws ConfigException {
        m.onlyKeys(Set.of("url", "username", "password", "tls_ca_file", "qos", "client_id"));
        String url = m.string("url");
        String scheme = scheme(m, url);
        if (!Set.of("tcp", "ssl", "ws", "wss").contains(scheme)) {
            throw m.problemAt("url", "scheme must be tcp://, ssl://, ws:// or wss://, not " + scheme + "://");
        }
        int qos = m.optInt("qos", 1, 0, 2);
        if (qos != 1) {
            throw m.problemAt("qos", "must be 1: a record leaves the queue only on the broker's PUBACK");
        }
        Path ca = null;
        String caText = m.optString("tls_ca_file", null);
        if (caText != null) {
            ca = baseDir == null ? Path.of(caText) : baseDir.resolve(caText);
            if (!Files.isReadable(ca)) {
                throw m.problemAt("tls_ca_file", "cannot read " + ca);
            }
        }
        String clientId = m.optString("client_id", "agri-" + id.value());
        return new UplinkConfig.Mqtt(url, m.optString("username", null), m.optString("password", null), ca, qos, clientId);
    }

    private static UplinkConfig.Coap coap(ConfigNode c) throws ConfigException {
        c.onlyKeys(Set.of("url", "psk_identity", "psk_key", "psk_key_hex"));
        String url = c.string("url");
        String scheme = scheme(c, url);
        if (!scheme.equals("coap") && !scheme.equals("coaps")) {
            throw c.problemAt("url", "scheme must be coap:// or coaps://, not " + scheme + "://");
        }
        String identity = c.optString("psk_identity", null);
        byte[] key = null;
        if (c.has("psk_key") && c.has("psk_key_hex")) {
            throw c.problem("give psk_key or psk_key_hex, not both");
        } else if (c.has("psk_key")) {
            key = c.string("psk_key").getBytes(StandardCharsets.UTF_8);
        } else if (c.has("psk_key_hex")) {
            key = StationConfigLoader.hex(c, "psk_key_hex");
        }
        if (scheme.equals("coaps") && (identity == null || key == null)) {
            throw c.problem("coaps:// needs psk_identity and psk_key (or psk_key_hex) for DTLS");
        }
        return new UplinkConfig.Coap(url, identity, key);
    }

    private static String scheme(ConfigNode node, String url) throws ConfigException {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw node.problemAt("url", "'" + url + "' needs a scheme and a host, e.g. tcp://broker.example:1883");
            }
            return uri.getScheme();
        } catch (URISyntaxException e) {
            throw node.problemAt("url", "'" + url + "' is not a URL: " + e.getReason());
        }
    }
}
