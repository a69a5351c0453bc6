package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.ShippedJar;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.testing.Http;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code agri-platform.jar} (failsafe runs after package): at most 80 MB, native code only for Linux
 * x86_64 and aarch64, no agent and no Pi4J, and {@code serve} with the embedded defaults runs from the jar alone.
 */
class PlatformJarIT {

    private static final ShippedJar JAR = ShippedJar.inTarget("agri-platform.jar");
    private static final long MAX_BYTES = 80_000_000L;
    /** Embedded PostgreSQL (zonky) and JNA (HiveMQ's OSHI), per architecture; HiveMQ persists through pure-Java Xodus. */
    private static final List<String> LINUX_NATIVES = List.of(
            "postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "com/sun/jna/linux-x86-64/libjnidispatch.so", "com/sun/jna/linux-aarch64/libjnidispatch.so");
    private static final Pattern MAC_OR_WINDOWS = Pattern.compile("(?i).*(darwin|osx|macos|mac-|win32|win64|windows).*");

    @Test
    void isAtMost80Megabytes() {
        assertThat(JAR.size()).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void carriesNativeCodeOnlyForLinuxX8664AndAarch64() {
        assertThat(JAR.nativeFiles()).containsExactlyInAnyOrderElementsOf(LINUX_NATIVES);
    }

    @Test
    void carriesNoMacOsOrWindowsBinaries() {
        assertThat(JAR.nativeFiles()).noneMatch(e -> MAC_OR_WINDOWS.matcher(e).matches());
        assertThat(JAR.entries()).noneMatch(e -> e.endsWith(".dll") || e.endsWith(".dylib") || e.endsWith(".jnilib"));
    }

    @Test
    void carriesNeitherTheEdgeAgentNorPi4j() {
        assertThat(JAR.entries()).anyMatch(e -> e.startsWith("io/agrisense/platform/"))
                .noneMatch(e -> e.startsWith("io/agrisense/edge/") || e.startsWith("io/agrisense/demo/")
                        || e.startsWith("com/pi4j/") || e.contains("pi4j"));
    }

    @Test
    void servesWithItsEmbeddedBrokerAndDatabaseFromTheJarAlone(@TempDir Path dir) throws Exception {
        int httpPort = Ports.freePort();
        int mqttPort = Ports.freePort();
        Path config = Files.writeString(dir.resolve("platform.yaml"), """
                mqtt: {bindAddress: 127.0.0.1}
                http: {host: 127.0.0.1}
                coap: {host: 127.0.0.1}
                """);
        Path log = dir.resolve("serve.log");
        ProcessBuilder builder = JAR.command("serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AGRI_"));
        env.putAll(Map.of(ConfigLoader.AGRI_DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.AGRI_HTTP_PORT, Integer.toString(httpPort),
                ConfigLoader.AGRI_MQTT_PORT, Integer.toString(mqttPort),
                ConfigLoader.AGRI_COAP_PORT, "0"));
        Process serve = builder.start();
        try {
            Http http = new Http(httpPort);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .failFast(() -> !serve.isAlive())
                    .ignoreExceptions().until(() -> http.get("/health").status() == 200);

            String station = "jar-" + Long.toHexString(System.nanoTime());
            publish("tcp://127.0.0.1:" + mqttPort, station, Instant.now().getEpochSecond() - 10, 21.5);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    assertThat(http.get("/api/v1/stations/" + station + "/latest").json().getJsonArray("readings")
                            .getJsonObject(0).getDouble("value")).isEqualTo(21.5));
            // Prometheus text from the jar's own exposition writers (the protobuf one is left out).
            assertThat(http.get("/metrics").body()).contains("agri_readings_received_total", "jvm_memory_used_bytes");
        } catch (Throwable failure) {
            throw new AssertionError("serve from the jar failed; its output:\n" + tail(log), failure);
        } finally {
            serve.destroy(); // SIGTERM: the orderly stop
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).as("orderly stop on SIGTERM").contains("AgriSense platform stopped");
    }

    private static void publish(String broker, String station, long epochSeconds, double celsius) throws Exception {
        MqttClient client = new MqttClient(broker, "jar-it-" + station, new MemoryPersistence());
        client.connect();
        try {
            MqttMessage m = new MqttMessage(Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                    .add("air_temperature", "Cel", epochSeconds, celsius).build(), SenmlFormat.JSON));
            m.setQos(1);
            client.publish(Topics.telemetry(StationId.of(station)), m);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
