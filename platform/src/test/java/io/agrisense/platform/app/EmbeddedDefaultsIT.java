package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.Ports;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.testing.Http;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no URLs set the platform starts its own broker and PostgreSQL under the data dir, and its data survives a restart. */
class EmbeddedDefaultsIT {

    @TempDir
    Path dataDir;

    @Test
    void startsEmbeddedBrokerAndDatabaseWhoseDataSurvivesARestart() throws Exception {
        int mqttPort = Ports.freePort();
        Map<String, String> env = Map.of(ConfigLoader.AGRI_DATA_DIR, dataDir.toString(),
                ConfigLoader.AGRI_MQTT_PORT, Integer.toString(mqttPort), ConfigLoader.AGRI_HTTP_PORT, "0",
                ConfigLoader.AGRI_COAP_PORT, "0");
        PlatformConfig config = ConfigLoader.fromYaml("mqtt:\n  bindAddress: 127.0.0.1\n", "test", env);
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.mqtt().embedded()).isTrue();
        String st = "embedded-" + Long.toHexString(System.nanoTime());
        double t = Instant.now().getEpochSecond() - 30;

        try (Platform platform = Platform.start(config, Platform.Extensions.none())) {
            assertThat(platform.mqttUri()).isEqualTo("tcp://127.0.0.1:" + mqttPort);
            MqttClient station = new MqttClient(platform.mqttUri(), "station-" + st, new MemoryPersistence());
            station.connect();
            MqttMessage m = new MqttMessage(Senml.encode(SenmlPackBuilder.forStation(StationId.of(st))
                    .add("co2", "ppm", t, 415.0).build(), SenmlFormat.JSON));
            m.setQos(1);
            station.publish(Topics.telemetry(StationId.of(st)), m);
            station.disconnect();
            station.close();
            Http http = new Http(platform.httpPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/stations/" + st).status() == 200);
            assertThat(http.get("/health").status()).isEqualTo(200);
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
        assertThat(Files.isDirectory(dataDir.resolve("mqtt"))).isTrue();

        try (Platform again = Platform.start(config, Platform.Extensions.none())) {
            Http http = new Http(again.httpPort());
            assertThat(http.get("/api/v1/stations/" + st + "/latest").json().getJsonArray("readings").getJsonObject(0)
                    .getDouble("value")).isEqualTo(415.0);
        }
    }
}
