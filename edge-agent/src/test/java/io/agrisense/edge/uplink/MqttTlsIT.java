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
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.link.mqtt.TlsSockets;
import io.agrisense.protocol.StationId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT uplink over TLS: it trusts exactly the CA file of the station YAML. */
class MqttTlsIT {

    @TempDir
    Path dir;

    @Test
    void publishesOverTlsToABrokerWhoseCertificateTheConfiguredCaSigned() throws Exception {
        Path keystore = CertificateAuthority.keystore(dir, "broker");
        Path ca = CertificateAuthority.certificatePem(dir, "broker", keystore);
        String id = TestServices.uniqueStationId("tls");
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests()
                .withTls(keystore, CertificateAuthority.PASSWORD));
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
        Path keystore = CertificateAuthority.keystore(dir, "impostor");
        Path trusted = CertificateAuthority.certificatePem(dir, "genuine", CertificateAuthority.keystore(dir, "genuine"));
        String id = TestServices.uniqueStationId("tls-refused");
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBroker.Options.forTests()
                .withTls(keystore, CertificateAuthority.PASSWORD))) {
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

    /** A throw-away self-signed certificate made with the JDK's keytool: it is its own CA. */
    static final class CertificateAuthority {

        static final String PASSWORD = "agri-test";

        static Path keystore(Path dir, String name) throws Exception {
            Path keystore = dir.resolve(name + ".p12");
            run("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            return keystore;
        }

        static Path certificatePem(Path dir, String name, Path keystore) throws Exception {
            Path pem = dir.resolve(name + "-ca.pem");
            run("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-file", pem.toString());
            return pem;
        }

        private static void run(String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        }
    }
}
