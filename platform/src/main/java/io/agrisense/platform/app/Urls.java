package io.agrisense.platform.app;

/** The addresses an operator needs, printed at start. */
public final class Urls {

    private Urls() {
    }

    public static String describe(Platform p) {
        String http = "http://localhost:" + p.httpPort();
        StringBuilder s = new StringBuilder()
                .append("AgriSense platform is running (Ctrl-C stops it)\n")
                .append("  dashboard and API  ").append(http).append("   (").append(http).append("/api/v1/stations, ")
                .append(http).append("/health)\n")
                .append("  OpenAPI            ").append(http).append("/api/openapi.yaml\n")
                .append("  MQTT               ").append(p.mqttUri().replace("127.0.0.1", "localhost"))
                .append("   (publish SenML to agri/v1/<station>/telemetry)\n");
        if (p.coapPort() > 0) {
            s.append("  CoAP               coap://localhost:").append(p.coapPort()).append("/telemetry/<station>\n");
        }
        s.append("  PostgreSQL         ").append(p.config().database().url());
        return s.toString();
    }
}
