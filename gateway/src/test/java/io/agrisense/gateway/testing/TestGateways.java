package io.agrisense.gateway.testing;

import io.agrisense.gateway.config.GatewayConfig;
import io.agrisense.gateway.config.GatewayConfigLoader;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/** Gateway configs on loopback port 0 (CoAP, local API) with the queue in a temp folder, SenML packs, and a plain CoAP client. */
public final class TestGateways {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private TestGateways() {
    }

    /** A gateway forwarding to {@code brokerUrl}; {@code extraCoap} is YAML under {@code coap:} (indented two spaces). */
    public static GatewayConfig config(String gatewayId, String brokerUrl, Path dir, String extraCoap) throws Exception {
        return GatewayConfigLoader.parse("""
                gateway_id: %s
                coap:
                  host: 127.0.0.1
                  port: 0
                  max_body: 2KiB
                %s
                uplink:
                  mqtt: {url: '%s'}
                buffer: {dir: '%s', max_bytes: 4MiB}
                health: {interval: 1h}
                local_api: {port: 0}
                """.formatted(gatewayId, extraCoap, brokerUrl, dir.resolve("queue")), "test:" + gatewayId, dir, Map.of());
    }

    /** One reading of water temperature, whole seconds. */
    public static byte[] pack(String station, long epochSeconds, double value, SenmlFormat format) {
        return Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add("water_temperature", "Cel", epochSeconds, value).build(), format);
    }

    /** A POST over plain UDP; null when no response came. */
    public static CoapResponse post(int port, String station, byte[] payload, int contentFormat) throws Exception {
        CoapEndpoint udp = CoapEndpoint.builder().setConfiguration(Configuration.createStandardWithoutFile()).build();
        CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/telemetry/" + station);
        client.setEndpoint(udp).setTimeout(5000L);
        try {
            return client.post(payload, contentFormat);
        } finally {
            client.shutdown();
            udp.destroy();
        }
    }
}
