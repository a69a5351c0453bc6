package io.agrisense.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.sampling.Reading;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Publisher;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path: the real edge agent reads its drivers over simulated hardware, packs SenML and publishes over
 * MQTT; the platform acknowledges after commit; every reading the agent produced comes back out of the HTTP API
 * with exactly its time and value.
 */
class AgentToApiIT {

    private static Platform platform;
    private static Http http;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start("agent2api");
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyReadingTheAgentProducedComesBackExactlyFromTheApi() throws Exception {
        String id = TestServices.uniqueStationId("gh");
        StationConfig config = StationConfigLoader.standard().parse("""
                station_id: %s
                profile: greenhouse
                name: Greenhouse under test
                uplink:
                  mqtt:
                    url: %s
                payload_format: cbor
                sensors:
                  - name: air
                    type: bme280
                    interval: 500ms
                    bus: 1
                    address: 0x76
                  - name: light
                    type: bh1750
                    interval: 1s
                    address: 0x23
                """.formatted(id, TestServices.mqttServerUri()), "agent-to-api.yaml", null);
        List<Reading> produced = new CopyOnWriteArrayList<>();
        Instant from = Instant.now().minusSeconds(5);
        EdgeAgent agent = EdgeAgent.start(config, AgentOptions.defaults().withSimulate(true).withSeed(7)
                .withDataDir(dir).withObserver((source, readings) -> {
                    if (source.equals("air") || source.equals("light")) {
                        produced.addAll(readings);
                    }
                }));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> produced.size() >= 30);
        } finally {
            agent.close();
        }
        Instant to = Instant.now().plusSeconds(5);
        Map<String, List<Reading>> byMetric = produced.stream()
                .collect(Collectors.groupingBy(Reading::name, TreeMap::new, Collectors.toList()));
        assertThat(byMetric.keySet()).containsExactly("air_pressure", "air_temperature", "illuminance", "relative_humidity");

        for (Map.Entry<String, List<Reading>> metric : byMetric.entrySet()) {
            List<List<Object>> expected = new ArrayList<>();
            for (Reading r : metric.getValue()) {
                expected.add(List.of(Instant.ofEpochMilli(r.epochMillis()).toString(), r.value()));
            }
            String path = "/api/v1/series?station=" + id + "&metric=" + metric.getKey() + "&from=" + from + "&to=" + to;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(Http.points(http.get(path).json())).as(metric.getKey()).hasSameSizeAs(expected));
            assertThat(Http.points(http.get(path).json())).as(metric.getKey()).containsExactlyElementsOf(expected);
        }

        JsonObject station = http.get("/api/v1/stations/" + id).json();
        assertThat(station.getString("profile")).isEqualTo("greenhouse");
        assertThat(station.getString("status")).as("the agent's Last Will or clean shutdown").isEqualTo("offline");
        assertThat(station.getLong("reading_count")).isGreaterThanOrEqualTo(produced.size());
        try (Publisher publisher = new Publisher()) {
            // clear the agent's retained status on the shared broker: a later never-acknowledging session
            // (RedeliveryIT) would otherwise spend the broker's first delivery window on it
            publisher.publish(Topics.status(StationId.of(id)), new byte[0], true);
        }
    }
}
