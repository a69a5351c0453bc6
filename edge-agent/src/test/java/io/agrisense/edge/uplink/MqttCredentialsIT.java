package io.agrisense.edge.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.protocol.StationId;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Username and password against a broker that checks them: a private Eclipse Mosquitto (a third-party broker)
 * with anonymous access off. Skipped where Mosquitto is not installed.
 */
class MqttCredentialsIT {

    @TempDir
    Path dir;
    private Process mosquitto;
    private String url;

    @BeforeEach
    void startMosquitto() throws Exception {
        Path binary = find("mosquitto", "/usr/sbin");
        Path passwd = find("mosquitto_passwd", "/usr/bin");
        Assumptions.assumeTrue(binary != null && passwd != null, "Mosquitto is not installed");
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder(passwd.toString(), "-b", "-c", passwords.toString(), "station", "s3cret-Pond")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        int port = Ports.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                persistence false
                %s
                """.formatted(port, passwords,
                // run as root, Mosquitto would drop to its own user, who cannot read the test's private folder
                "root".equals(System.getProperty("user.name")) ? "user root" : ""));
        mosquitto = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        url = "tcp://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(10)).until(() -> !Ports.isAvailable("127.0.0.1", port));
    }

    @AfterEach
    void stopMosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectsWithTheRightPasswordAndKeepsReadingsWhenRefused() throws Exception {
        String id = TestServices.uniqueStationId("creds");
        try (StationTraffic subscriber = subscriberWithPassword(id)) {
            EdgeAgent refused = EdgeAgent.start(station(id, "wrong-password"), options("refused"));
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> refused.queueStats().records() >= 10);
                assertThat(refused.uplinkStats().linkUp()).as("the broker refuses a wrong password").isFalse();
                assertThat(subscriber.values("water_temperature")).isEmpty();
            } finally {
                refused.close();
            }

            EdgeAgent agent = EdgeAgent.start(station(id, "s3cret-Pond"), options("accepted"));
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.values("water_temperature").size() >= 3);
                assertThat(agent.uplinkStats().linkUp()).isTrue();
                assertThat(subscriber.values("water_temperature").subList(0, 3)).containsExactly(1.0, 2.0, 3.0);
            } finally {
                agent.close();
            }
        }
    }

    private StationTraffic subscriberWithPassword(String id) throws MqttException {
        return new StationTraffic(url, StationId.of(id), false, null, "station", "s3cret-Pond");
    }

    private AgentOptions options(String name) {
        return AgentOptions.defaults().withDataDir(dir.resolve(name)).withDevices(new TestDevices());
    }

    private StationConfig station(String id, String password) throws Exception {
        return StationConfigLoader.standard().parse("""
                station_id: %s
                profile: river_water_quality
                uplink:
                  mqtt:
                    url: %s
                    username: station
                    password: %s
                sensors:
                  - name: level
                    type: ds18b20
                    interval: 100ms
                    w1_id: 28-0316a2799aff
                """.formatted(id, url, password), "test:" + id, null);
    }

    private static Path find(String name, String fallbackDir) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + fallbackDir).split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

}
