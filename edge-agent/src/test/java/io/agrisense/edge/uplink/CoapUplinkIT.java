package io.agrisense.edge.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.testkit.DtlsTestEndpoints;
import io.agrisense.link.uplink.UplinkStats;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CoAP uplink against a real Californium server on loopback: plain UDP, DTLS with a PSK, and a 4.00 reply. */
class CoapUplinkIT {

    @TempDir
    Path dir;

    private CoapServer server;
    private final List<ResolvedRecord> received = new CopyOnWriteArrayList<>();
    private final List<Integer> contentFormats = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    /** Posts whose number is listed here are answered 4.00. */
    private volatile int rejectPost = -1;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroy();
        }
    }

    private int start(boolean dtls, String id) {
        Configuration cfg = Configuration.createStandardWithoutFile();
        CoapEndpoint endpoint;
        if (dtls) {
            endpoint = DtlsTestEndpoints.server(cfg, java.util.Map.of(id, "pond-secret-key".getBytes()));
        } else {
            endpoint = CoapEndpoint.builder().setConfiguration(cfg).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        }
        server = new CoapServer(cfg);
        server.addEndpoint(endpoint);
        CoapResource telemetry = new CoapResource("telemetry");
        telemetry.add(new CoapResource(id) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                int n = posts.incrementAndGet();
                contentFormats.add(exchange.getRequestOptions().getContentFormat());
                if (n == rejectPost) {
                    exchange.respond(ResponseCode.BAD_REQUEST, "record 0: value out of range");
                    return;
                }
                try {
                    received.addAll(Senml.decodeAndResolve(exchange.getRequestPayload(), 0));
                    exchange.respond(ResponseCode.CHANGED);
                } catch (Exception e) {
                    exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
                }
            }
        });
        server.add(telemetry);
        server.start();
        return endpoint.getAddress().getPort();
    }

    private static StationConfig station(String id, String uplink) throws Exception {
        return StationConfigLoader.standard().parse("""
                station_id: %s
                profile: river_water_quality
                uplink:
                %s
                sensors:
                  - {name: level, type: ds18b20, interval: 100ms, w1_id: 28-0316a2799aff}
                """.formatted(id, uplink), "test:" + id, null);
    }

    private List<Double> values() {
        return received.stream().filter(r -> r.name().endsWith(":water_temperature")).map(ResolvedRecord::value).toList();
    }

    @Test
    void postsSenmlCborToTheTelemetryResourceAndDeletesOnChanged() throws Exception {
        int port = start(false, "coap-st");
        try (EdgeAgent agent = EdgeAgent.start(station("coap-st", "  coap: {url: 'coap://127.0.0.1:" + port + "'}"),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> values().size() >= 20);
            assertThat(values().subList(0, 20)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0,
                    11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0);
            assertThat(contentFormats).containsOnly(112);
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.queueStats().records() <= 1);
            assertThat(agent.uplinkStats().recordsRejected()).isZero();
        }
    }

    @Test
    void sendsOverDtlsWithThePreSharedKey() throws Exception {
        int port = start(true, "coaps-st");
        String uplink = "  coap: {url: 'coaps://127.0.0.1:" + port + "', psk_identity: coaps-st, psk_key: pond-secret-key}";
        try (EdgeAgent agent = EdgeAgent.start(station("coaps-st", uplink),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> values().size() >= 10);
            assertThat(values().subList(0, 10)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        }
    }

    @Test
    void aPackRejectedAsBadInputIsDroppedCountedAndNotRetried() throws Exception {
        rejectPost = 3;
        int port = start(false, "coap-bad");
        try (EdgeAgent agent = EdgeAgent.start(station("coap-bad", "  coap: {url: 'coap://127.0.0.1:" + port + "'}"),
                AgentOptions.defaults().withDataDir(dir).withDevices(new TestDevices()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> posts.get() >= 10);
            UplinkStats s = agent.uplinkStats();
            assertThat(s.recordsRejected()).isEqualTo(1);
            assertThat(s.readingsRejected()).isEqualTo(1);
            assertThat(s.lastRejection()).isEqualTo("CoAP 4.00 record 0: value out of range");
            List<Double> got = values();
            assertThat(got).doesNotContain(3.0);
            assertThat(got.subList(0, 5)).containsExactly(1.0, 2.0, 4.0, 5.0, 6.0);
        }
    }
}
