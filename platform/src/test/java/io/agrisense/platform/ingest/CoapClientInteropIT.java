package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
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
 * CoAP interoperability with libcoap's {@code coap-client} (a client we did not write): a confirmable POST of
 * SenML JSON (content-format 110) is stored; a malformed pack gets 4.00 with the decoder's diagnostic.
 * Skipped where libcoap3-bin is not installed.
 */
class CoapClientInteropIT {

    private static Platform platform;
    private static Http http;
    private static Path coapClient;

    @BeforeAll
    static void start() {
        coapClient = find("coap-client-notls", "coap-client", "coap-client-openssl", "coap-client-gnutls");
        Assumptions.assumeTrue(coapClient != null, "libcoap's coap-client is not installed (Debian: libcoap3-bin)");
        platform = PlatformFixture.start("coapinterop");
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void coapClientPostsAreStoredAndBadPacksExplained() throws Exception {
        String station = TestServices.uniqueStationId("coap");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
        String pack = "[{\"bn\":\"urn:dev:agri:" + station + ":\",\"bt\":" + t.getEpochSecond()
                + ",\"n\":\"water_temperature\",\"u\":\"Cel\",\"v\":18.75},{\"n\":\"ph\",\"u\":\"pH\",\"v\":7.25}]";
        String ok = post(station, pack);
        assertThat(ok).doesNotContain("4.00").doesNotContain("5.0");

        String path = "/api/v1/stations/" + station + "/latest";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.get(path).json().getJsonArray("readings")).hasSize(2));
        List<String> latest = http.get(path).json().getJsonArray("readings").stream().map(o -> (JsonObject) o)
                .map(o -> o.getString("metric") + "=" + o.getDouble("value") + "@" + o.getString("time")).toList();
        assertThat(latest).containsExactly("ph=7.25@" + t, "water_temperature=18.75@" + t);

        String bad = post(station, "[{\"n\":\"x\",\"v\":\"warm\"}]");
        assertThat(bad).contains("4.00").contains("record #1: field 'v' must be a number");
    }

    private static String post(String station, String json) throws Exception {
        Path payload = Files.createTempFile("senml", ".json");
        Files.writeString(payload, json);
        Process p = new ProcessBuilder(coapClient.toString(), "-m", "post", "-t", "110", "-B", "10",
                "-f", payload.toString(), "coap://127.0.0.1:" + platform.coapPort() + "/telemetry/" + station)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static Path find(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
