package io.agrisense.platform.testing;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.util.Map;
import java.util.UUID;

/** Starts a platform for one test class on the shared test broker and a fresh schema, HTTP and CoAP on port 0. */
public final class PlatformFixture {

    private PlatformFixture() {
    }

    /** Settings for a test platform; {@code extra} adds lines to a section, e.g. {@code "http" -> "bodyLimitBytes: 4096"}. */
    public static PlatformConfig config(String prefix, Map<String, String> extra) {
        TestServices.Database db = TestServices.freshSchema(prefix);
        String yaml = """
                http:
                  host: 127.0.0.1
                  port: 0
                  sseKeepAlive: 1s
                %s
                coap:
                  host: 127.0.0.1
                  port: 0
                %s
                mqtt:
                  clientId: %s
                  sessionExpiry: 2m
                %s
                database:
                  connectionTimeout: 2s
                %s
                ingest:
                %s
                alerts:
                %s
                """.formatted(indent(extra.get("http")), indent(extra.get("coap")), clientId(prefix), indent(extra.get("mqtt")),
                indent(extra.get("database")), indent(extra.get("ingest")), indent(extra.get("alerts")));
        return ConfigLoader.fromYaml(yaml, "test settings", Map.of(
                ConfigLoader.AGRI_DB_URL, db.jdbcUrl(),
                ConfigLoader.AGRI_DB_USER, db.user(),
                ConfigLoader.AGRI_DB_PASSWORD, db.password(),
                ConfigLoader.AGRI_MQTT_URL, TestServices.mqttServerUri()));
    }

    private static String indent(String lines) {
        return lines == null ? "" : "  " + lines.strip().replace("\n", "\n  ");
    }

    public static Platform start(String prefix) {
        return Platform.start(config(prefix, Map.of()), Platform.Extensions.none());
    }

    public static String clientId(String prefix) {
        return "agri-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
