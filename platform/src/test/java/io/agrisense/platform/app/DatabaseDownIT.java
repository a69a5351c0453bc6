package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.EmbeddedDatabase;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With its database gone the platform says so: /health is 503 naming the database, and answers within 500 ms in
 * every state (it does not wait for the pool's connection timeout); ingest answers 503.
 */
class DatabaseDownIT {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDownIT.class);

    private final List<Duration> healthAnswers = new CopyOnWriteArrayList<>();

    @Test
    void healthIs503WithinHalfASecondAndIngestRefusesWhileTheDatabaseIsDown() {
        EmbeddedDatabase db = EmbeddedDatabase.start(null, 0);
        PlatformConfig base = PlatformFixture.config("dbdown", Map.of("http", "ingestTimeout: 3s", "ingest", "shutdownTimeout: 2s"));
        PlatformConfig config = base.withDatabase(base.database().withUrl(db.jdbcUrl(), db.user(), db.password()));
        try (Platform platform = Platform.start(config, Platform.Extensions.none())) {
            Http http = new Http(platform.httpPort());
            http.get("/api/openapi.yaml"); // the test's HTTP client opens its connection: not part of /health's time
            assertThat(health(http).status()).isEqualTo(200);

            db.close();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health(http).status()).isEqualTo(503));
            JsonObject health = health(http).json();
            assertThat(health.getString("status")).isEqualTo("down");
            assertThat(health.getJsonObject("components").getJsonObject("database").getString("status")).isEqualTo("down");
            assertThat(health.getJsonObject("components").getJsonObject("broker").getString("status")).isEqualTo("up");

            String st = TestServices.uniqueStationId("dbdown");
            Http.Reply ingest = http.post("/api/v1/stations/" + st + "/telemetry", "application/senml+json",
                    Senml.encode(SenmlPackBuilder.forStation(StationId.of(st))
                            .add("ph", "pH", Instant.now().getEpochSecond() - 60, 7.0).build(), SenmlFormat.JSON));
            assertThat(ingest.status()).isEqualTo(503);
            assertThat(ingest.error()).contains("retrying is safe");
            assertThat(health(http).json().getJsonObject("components").getJsonObject("ingest").getString("detail"))
                    .startsWith("database writes failing, retrying with back-off");
            assertThat(http.get("/api/v1/stations").status()).isEqualTo(503);
            for (int i = 0; i < 10; i++) {
                assertThat(health(http).status()).isEqualTo(503);
            }
            LOG.info("/health answered {} times, with the database up and then down; slowest {} ms", healthAnswers.size(),
                    healthAnswers.stream().mapToLong(Duration::toMillis).max().orElse(-1));
            assertThat(healthAnswers).hasSizeGreaterThan(12)
                    .allSatisfy(took -> assertThat(took).isLessThan(Duration.ofMillis(500)));
        } finally {
            db.close();
        }
    }

    private Http.Reply health(Http http) {
        long start = System.nanoTime();
        Http.Reply reply = http.get("/health");
        healthAnswers.add(Duration.ofNanos(System.nanoTime() - start));
        return reply;
    }
}
