package io.agrisense.bench.alert;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's HTTP API as the benchmark uses it: installing the probe rule, checking a station's profile. */
final class PlatformApi {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PlatformApi(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** {@code POST /api/v1/rules}; fails unless the platform answers 201 Created. */
    void createRule(JsonObject rule) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/rules"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule.encode())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST /api/v1/rules answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Waits until {@code GET /api/v1/stations/<id>} shows the station with {@code profile}. */
    void awaitProfile(String station, String profile, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/stations/" + station))
                    .GET().timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && profile.equals(new JsonObject(response.body()).getString("profile"))) {
                return;
            }
            last = response.statusCode() + " " + response.body();
            Thread.sleep(100);
        }
        throw new IOException("station " + station + " did not get profile " + profile + " within " + timeout + " (last answer: " + last + ")");
    }
}
