package io.agrisense.gateway.config;

import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.config.UplinkConfig;
import io.agrisense.link.localapi.LocalApiConfig;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.Map;

/**
 * A validated gateway YAML: who the gateway is, where stations reach it (CoAP, DTLS), the broker it forwards
 * to, its disk queue, how often it reports its own health and where it serves its local /health and /metrics
 * ({@code localApi}, null when off). {@code source} names the file for messages.
 */
public record GatewayConfig(StationId gatewayId, String name, Coap coap, UplinkConfig.Mqtt mqtt, int inflight,
                            BufferConfig buffer, Duration healthInterval, LocalApiConfig localApi, String source) {

    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    /** The CoAP listener: plain UDP on {@code port}, and DTLS when {@code dtls} has keys. */
    public record Coap(String host, int port, int maxBodyBytes, Dtls dtls) {
    }

    /**
     * DTLS with a pre-shared key per station (the PSK identity is the station id). {@code required}: plain UDP
     * posts are refused with 4.01.
     */
    public record Dtls(int port, boolean required, Map<String, byte[]> keys) {

        public static final Dtls OFF = new Dtls(0, false, Map.of());

        public boolean enabled() {
            return !keys.isEmpty();
        }

        @Override
        public String toString() {
            return "Dtls[port=" + port + ", required=" + required + ", stations=" + keys.keySet() + "]";
        }
    }

    /** The same gateway forwarding to another broker ({@code --broker}, {@code AGRI_MQTT_URL}). */
    public GatewayConfig withBrokerUrl(String url) {
        return new GatewayConfig(gatewayId, name, coap, mqtt.withUrl(url), inflight, buffer, healthInterval, localApi, source);
    }

    public GatewayConfig withCoap(Coap value) {
        return new GatewayConfig(gatewayId, name, value, mqtt, inflight, buffer, healthInterval, localApi, source);
    }

    public GatewayConfig withBuffer(BufferConfig value) {
        return new GatewayConfig(gatewayId, name, coap, mqtt, inflight, value, healthInterval, localApi, source);
    }
}
