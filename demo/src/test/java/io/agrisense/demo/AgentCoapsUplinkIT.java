package io.agrisense.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.app.AgentOptions;
import io.agrisense.edge.app.EdgeAgent;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real edge agent's coaps uplink (DTLS with the station's pre-shared key) against a platform that requires DTLS:
 * its readings are stored. The platform side alone (identity checks, wrong keys, plain UDP refused) is the
 * platform's CoapDtlsIT.
 */
class AgentCoapsUplinkIT {

    private static final String POND = TestServices.uniqueStationId("dtls-pond");
    private static Platform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        platform = Platform.start(PlatformFixture.config("agentdtls", Map.of("coap", """
                dtls:
                  port: 0
                  required: true
                  keys: {%s: pond-secret-key}
                """.formatted(POND))), Platform.Extensions.none());
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theEdgeAgentsCoapsUplinkStoresItsReadings(@TempDir Path data) throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        var config = StationConfigLoader.standard().parse("""
                station_id: %s
                profile: crayfish_pond
                uplink:
                  coap: {url: 'coaps://127.0.0.1:%d', psk_identity: %s, psk_key: pond-secret-key}
                sensors:
                  - {name: water_temp, type: ds18b20, interval: 500ms, w1_id: 28-0316a2799aff, metric: water_temperature}
                """.formatted(POND, platform.coapsPort(), POND), "test:" + POND, null);
        try (EdgeAgent agent = EdgeAgent.start(config, AgentOptions.defaults().withSimulate(true).withSeed(7).withDataDir(data))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.uplinkStats().recordsDelivered() >= 3);
        }
        JsonObject latest = http.get("/api/v1/stations/" + POND + "/latest").json();
        assertThat(latest.encode()).contains("water_temperature");
        assertThat(http.get("/api/v1/series?station=" + POND + "&metric=water_temperature&from=" + from
                + "&to=" + Instant.now().plus(1, ChronoUnit.HOURS)).json().getJsonArray("points").size()).isGreaterThanOrEqualTo(3);
    }
}
