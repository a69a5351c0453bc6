package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with a client we did not write: Eclipse Mosquitto's {@code mosquitto_pub} publishes SenML JSON
 * to the broker the platform ingests from, and the values appear in the series API. Skipped where the
 * mosquitto-clients package is not installed.
 */
class ThirdPartyClientIT {

    private static Platform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(executable("mosquitto_pub"), "mosquitto_pub is not installed (Debian: mosquitto-clients)");
        platform = PlatformFixture.start("thirdparty");
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void mosquittoPubReadingsAppearInTheSeriesApi() throws Exception {
        String station = TestServices.uniqueStationId("st-x");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String pack = "[{\"bn\":\"urn:dev:agri:" + station + ":\",\"bt\":" + t.getEpochSecond()
                + ",\"n\":\"air_temperature\",\"u\":\"Cel\",\"v\":21.5},"
                + "{\"n\":\"air_temperature\",\"t\":10,\"v\":22.25},{\"n\":\"relative_humidity\",\"u\":\"%RH\",\"v\":64}]";
        URI broker = URI.create(TestServices.mqttServerUri());
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", broker.getHost(), "-p", String.valueOf(broker.getPort()),
                "-V", "mqttv5", "-q", "1", "-t", "agri/v1/" + station + "/telemetry", "-m", pack)
                .redirectErrorStream(true).start();
        assertThat(pub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as(new String(pub.getInputStream().readAllBytes())).isZero();

        String path = "/api/v1/series?station=" + station + "&metric=air_temperature&from=" + t.minusSeconds(60)
                + "&to=" + t.plusSeconds(60);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(EndToEndIT.points(http.get(path).json())).hasSize(2));
        assertThat(EndToEndIT.points(http.get(path).json())).containsExactly(
                List.of(t.toString(), 21.5), List.of(t.plusSeconds(10).toString(), 22.25));
        assertThat(EndToEndIT.points(http.get("/api/v1/series?station=" + station + "&metric=relative_humidity&from="
                + t.minusSeconds(60) + "&to=" + t.plusSeconds(60)).json())).containsExactly(List.of(t.toString(), 64.0));
    }

    private static boolean executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
