package io.agrisense.edge.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.testkit.TestCertificates;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.link.mqtt.TlsSockets;
import io.agrisense.protocol.StationId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT uplink over TLS: it trusts exactly the CA file of the station YAML. */
class MqttTlsIT {

    @TempDir
    Path dir;

    @Test
    void publishesOverTlsToABrokerWhoseCertificateTheConfiguredCaSigned() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "broker");
        Path ca = TestCertificates.certificatePem(dir, "broker", keystore);
        String id = TestServices.uniqueStationId("tls");
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests()
                .withTls(keystore, TestCertificates.PASSWORD));
             StationTraffic subscriber = new StationTraffic(broker.serverUri(), StationId.of(id), false,
                     TlsSockets.trusting(ca))) {
            assertThat(broker.serverUri()).startsWith("ssl://");
            EdgeAgent agent = EdgeAgent.start(station(id, broker.serverUri(), ca), options());
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.values("water_temperature").size() >= 5);
                assertThat(agent.uplinkStats().linkUp()).isTrue();
            } finally {
                agent.close();
            }
            List<Double> values = subscriber.values("water_temperature");
            assertThat(values.subList(0, 5)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.statuses().contains("{\"state\":\"offline\"}"));
        }
    }

    @Test
    void refusesABrokerSignedByAnotherCaAndKeepsTheReadings() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "impostor");
        Path trusted = TestCertificates.certificatePem(dir, "genuine", TestCertificates.keystore(dir, "genuine"));
        String id = TestServices.uniqueStationId("tls-refused");
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests()
                .withTls(keystore, TestCertificates.PASSWORD))) {
            EdgeAgent agent = EdgeAgent.start(station(id, broker.serverUri(), trusted), options());
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> agent.queueStats().records() >= 10);
                assertThat(agent.uplinkStats().linkUp()).as("no session with an untrusted broker").isFalse();
                assertThat(agent.queueStats().droppedRecords()).isZero();
            } finally {
                agent.close();
            }
        }
    }

    private AgentOptions options() {
        return AgentOptions.defaults().withDataDir(dir.resolve("data")).withDevices(new TestDevices());
    }

    private static StationConfig station(String id, String url, Path ca) throws Exception {
        return StationConfigLoader.standard().parse("""
                station_id: %s
                profile: river_water_quality
                uplink:
                  mqtt:
                    url: %s
                    tls_ca_file: %s
                sensors:
                  - name: level
                    type: ds18b20
                    interval: 100ms
                    w1_id: 28-0316a2799aff
                """.formatted(id, url, ca), "test:" + id, null);
    }
}
