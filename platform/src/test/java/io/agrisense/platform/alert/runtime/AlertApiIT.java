package io.agrisense.platform.alert.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.model.DewPoint;
import io.agrisense.platform.model.TemperatureHumidityIndex;
import io.agrisense.platform.model.VapourPressureDeficit;
import io.agrisense.platform.testing.AlertLatencyMetric;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Stations;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alerts and rules API, webhooks and derived series on a real platform (broker, PostgreSQL, HTTP on port 0). */
class AlertApiIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertApiIT.class);
    private static Platform platform;
    private static Http http;
    private static HttpServer webhook;
    private static final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

    /** One request the webhook received. */
    record Hook(String idempotencyKey, int attempt, JsonObject body) {
    }

    @BeforeAll
    static void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.setExecutor(Executors.newFixedThreadPool(4));
        webhook.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int attempt = attemptsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            hooks.add(new Hook(key, attempt, new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
            try {
                if (attempt == 1) {
                    Thread.sleep(1500); // slower than the webhook's 500 ms timeout
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(attempt == 2 ? 500 : 200, -1);
            exchange.close();
        });
        webhook.start();
        platform = Platform.start(PlatformFixture.config("alertapi", Map.of("alerts", """
                tickInterval: 1s
                webhooks:
                  - {url: "http://127.0.0.1:%d/hook", severities: [critical], timeout: 500ms}
                webhookRetry: {initialBackoff: 200ms, maxBackoff: 1s, maxAttempts: 10}
                """.formatted(webhook.getAddress().getPort()))), Platform.Extensions.none());
        http = new Http(platform.httpPort());
    }

    @AfterAll
    static void stop() {
        String metrics = platform.metrics().scrape();
        LOG.info("Reading to alert over this class's alert changes: agri_alert_latency_seconds count {}, p50 at most {} s, p99 at most {} s (histogram buckets)",
                AlertLatencyMetric.count(metrics), AlertLatencyMetric.quantile(metrics, "0.5"),
                AlertLatencyMetric.quantile(metrics, "0.99"));
        platform.close();
        webhook.stop(0);
    }

    @Test
    void theDashboardListsActiveAlertsWithAnAckButton() {
        String page = http.get("/").body();
        assertThat(page).contains("Active alerts", "/api/v1/alerts?state=active", "'/ack'", "addEventListener('alert'");
    }

    private static String rule(String id, String station, String metric, String severity, String direction, double raise,
                               double clear) {
        return new JsonObject().put("id", id).put("kind", "threshold").put("metric", metric)
                .put("scope", new JsonObject().put("station", station)).put("severity", severity)
                .put("direction", direction).put("raise", raise).put("clear", clear).encode();
    }

    private static List<JsonObject> alerts(String query) {
        Http.Reply r = http.get("/api/v1/alerts" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("alerts").stream().map(o -> (JsonObject) o).toList();
    }

    private static JsonObject onlyAlert(String station) {
        List<JsonObject> list = alerts("?station=" + station);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void rulesAreValidatedWithFieldErrorsAndChangesTakeEffectAtOnce() {
        String st = TestServices.uniqueStationId("rules");
        int shipped = http.get("/api/v1/rules").json().getJsonArray("rules").size();
        assertThat(http.get("/api/v1/rules/pond-do-critical").json().getString("origin")).isEqualTo("shipped");

        Http.Reply invalid = http.postJson("/api/v1/rules", rule("it-" + st, st, "dissolved_oxygen", "critical", "below", 3.0, 2.5)
                .replace("\"critical\"", "\"urgent\""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("severity");
        Http.Reply twoErrors = http.postJson("/api/v1/rules", rule("it-" + st, st, "dissolved_oxygen", "critical", "below", 3.0, 2.5)
                .replace("\"dissolved_oxygen\"", "\"oxygen\""));
        assertThat(twoErrors.status()).isEqualTo(400);
        assertThat(twoErrors.json().getJsonArray("errors").stream().map(o -> ((JsonObject) o).getString("field") + ": "
                + ((JsonObject) o).getString("message")))
                .containsExactly("metric: unknown metric 'oxygen' (not in the metric catalogue)",
                        "clear: for a 'below' threshold the clear level must be above the raise level (got clear 2.5, raise 3.0)");
        assertThat(twoErrors.error()).startsWith("invalid rule: metric: unknown metric 'oxygen'");
        Http.Reply badLevels = http.postJson("/api/v1/rules", rule("it-" + st, st, "dissolved_oxygen", "critical", "below", 3.0, 2.5));
        assertThat(badLevels.status()).isEqualTo(400);
        assertThat(badLevels.json().getJsonArray("errors")).containsExactly(new JsonObject().put("field", "clear").put("message",
                "for a 'below' threshold the clear level must be above the raise level (got clear 2.5, raise 3.0)"));
        assertThat(http.postJson("/api/v1/rules", "{not json").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/rules").json().getJsonArray("rules")).as("nothing changed").hasSize(shipped);
        assertThat(http.get("/api/v1/rules/it-" + st).status()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/rules", http.get("/api/v1/rules/pond-do-critical").body()).status())
                .as("a rule in force cannot be created again").isEqualTo(409);

        Http.Reply created = http.postJson("/api/v1/rules", rule("it-" + st, st, "air_temperature", "warning", "above", 30, 28));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("origin")).isEqualTo("added");
        assertThat(created.json().getDouble("raise")).isEqualTo(30.0);
        assertThat(http.get("/api/v1/rules").json().getJsonArray("rules")).hasSize(shipped + 1);

        Instant t = now();
        Stations.send(http, st, "air_temperature", "Cel", t, 25);
        assertThat(alerts("?station=" + st)).as("25 is below the raise level 30").isEmpty();

        Http.Reply changed = http.put("/api/v1/rules/it-" + st, rule("it-" + st, st, "air_temperature", "warning", "above", 20, 18));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getDouble("raise")).isEqualTo(20.0);
        Stations.send(http, st, "air_temperature", "Cel", t.plusSeconds(1), 25);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onlyAlert(st).getString("state")).isEqualTo("firing"));
        JsonObject alert = onlyAlert(st);
        assertThat(alert.getString("rule")).isEqualTo("it-" + st);
        assertThat(alert.getDouble("value")).isEqualTo(25.0);
        assertThat(alert.getString("severity")).isEqualTo("warning");
        assertThat(alert.getString("message")).isEqualTo("air_temperature 25 Cel at or above 20");

        assertThat(http.put("/api/v1/rules/it-" + st, rule("other-id", st, "air_temperature", "warning", "above", 20, 18))
                .json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("id");
        assertThat(http.put("/api/v1/rules/no-such-rule", rule("no-such-rule", st, "air_temperature", "warning", "above", 20, 18))
                .status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/rules/no-such-rule").status()).isEqualTo(404);

        assertThat(http.delete("/api/v1/rules/it-" + st).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/rules/it-" + st).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onlyAlert(st).getString("state")).isEqualTo("resolved"));
        assertThat(onlyAlert(st).getString("resolve_reason")).contains("no longer applies");
        assertThat(http.get("/api/v1/rules").json().getJsonArray("rules")).hasSize(shipped);
    }

    @Test
    void anAlertIsAcknowledgedOnceAndAResolvedAlertCannotBe() {
        String st = TestServices.uniqueStationId("ack");
        assertThat(http.postJson("/api/v1/rules", rule("ack-" + st, st, "dissolved_oxygen", "critical", "below", 3.0, 3.5)).status())
                .isEqualTo(201);
        Instant t = now();
        Stations.send(http, st, "dissolved_oxygen", "mg/L", t, 2.5);
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts("?station=" + st).size() == 1);
        String id = onlyAlert(st).getString("id");
        assertThat(alerts("?state=firing&station=" + st)).extracting(a -> a.getString("id")).containsExactly(id);
        assertThat(alerts("?state=active&station=" + st)).hasSize(1);
        assertThat(alerts("?state=resolved&station=" + st)).isEmpty();

        assertThat(http.postJson("/api/v1/alerts/" + id + "/ack", "{\"who\": \"x\"}").status()).isEqualTo(400);
        Http.Reply acked = http.postJson("/api/v1/alerts/" + id + "/ack", "{\"by\": \"li.wei\"}");
        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        assertThat(acked.json().getString("state")).isEqualTo("acknowledged");
        assertThat(acked.json().getString("acknowledged_by")).isEqualTo("li.wei");
        assertThat(acked.json().getString("acknowledged_at")).isNotNull();
        Http.Reply again = http.post("/api/v1/alerts/" + id + "/ack", "application/json", new byte[0]);
        assertThat(again.status()).as("acknowledging twice changes nothing").isEqualTo(200);
        assertThat(again.json().getString("acknowledged_by")).isEqualTo("li.wei");
        assertThat(alerts("?state=acknowledged&station=" + st)).hasSize(1);
        assertThat(alerts("?state=firing&station=" + st)).isEmpty();

        Stations.send(http, st, "dissolved_oxygen", "mg/L", t.plusSeconds(1), 3.4);
        Stations.send(http, st, "dissolved_oxygen", "mg/L", t.plusSeconds(2), 3.6);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onlyAlert(st).getString("state")).isEqualTo("resolved"));
        JsonObject resolved = http.get("/api/v1/alerts/" + id).json();
        assertThat(resolved.getDouble("resolve_value")).isEqualTo(3.6);
        assertThat(resolved.getDouble("worst_value")).isEqualTo(2.5);
        assertThat(resolved.getString("acknowledged_by")).isEqualTo("li.wei");
        assertThat(resolved.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("state")))
                .containsExactly("firing", "acknowledged", "resolved");

        Http.Reply late = http.postJson("/api/v1/alerts/" + id + "/ack", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).contains("already resolved");
        assertThat(http.postJson("/api/v1/alerts/no-such-alert/ack", "{}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/alerts/no-such-alert").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/alerts?state=pending").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/alerts?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/alerts?colour=red").error()).isEqualTo("unknown parameter 'colour' (known: state, station, limit)");
        assertThat(alerts("?limit=1")).hasSize(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithOneIdempotencyKeyWhileIngestionGoesOn() throws Exception {
        String st = TestServices.uniqueStationId("hook");
        http.postJson("/api/v1/rules", rule("hook-crit-" + st, st, "dissolved_oxygen", "critical", "below", 3.0, 3.5));
        http.postJson("/api/v1/rules", rule("hook-warn-" + st, st, "ph", "warning", "above", 9.0, 8.7));
        Instant t = now();

        Stations.send(http, st, "dissolved_oxygen", "mg/L", t, 2.5);
        String critical = await().atMost(Duration.ofSeconds(10)).until(() -> alerts("?station=" + st), l -> l.size() == 1)
                .get(0).getString("id");
        // the webhook hangs, then fails: ingestion and the engine go on meanwhile
        Stations.send(http, st, "ph", "pH", t.plusSeconds(1), 9.5);
        for (int i = 2; i < 12; i++) {
            Stations.send(http, st, "dissolved_oxygen", "mg/L", t.plusSeconds(i), 2.4);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts("?station=" + st).size() == 2);
        assertThat(alerts("?state=firing&station=" + st)).extracting(a -> a.getString("severity"))
                .containsExactlyInAnyOrder("critical", "warning");

        await().atMost(Duration.ofSeconds(20)).until(() -> hooksFor(critical).size() == 3);
        List<Hook> attempts = hooksFor(critical);
        assertThat(attempts).extracting(Hook::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(Hook::idempotencyKey).containsOnly(attempts.get(0).idempotencyKey());
        assertThat(attempts.get(0).body().getString("event")).isEqualTo("firing");
        assertThat(attempts.get(0).body().getString("event_id")).isEqualTo(attempts.get(0).idempotencyKey());
        assertThat(attempts.get(0).body().getString("station")).isEqualTo(st);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(critical))
                .isEqualTo("delivered after 3 attempts"));
        Thread.sleep(1000); // a delivered webhook is not sent again
        assertThat(hooksFor(critical)).hasSize(3);
        assertThat(hooks).as("the webhook takes critical alerts only")
                .noneMatch(h -> "warning".equals(h.body().getString("severity")) && st.equals(h.body().getString("station")));
        assertThat(http.get("/api/v1/series?station=" + st + "&metric=dissolved_oxygen&from=" + t.minusSeconds(1)
                + "&to=" + t.plusSeconds(20)).json().getJsonArray("points")).hasSize(11);
        assertThat(platform.metrics().scrape()).contains("agri_alert_deliveries_total{channel=\"webhook\",outcome=\"retry\"}");
    }

    private static List<Hook> hooksFor(String alertId) {
        return hooks.stream().filter(h -> alertId.equals(h.body().getString("id"))).toList();
    }

    private static String delivery(String alertId) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT d.status, d.attempts FROM alert_deliveries d JOIN alert_events e ON e.id = d.event_id
                WHERE e.alert_id = ? AND d.channel = 'webhook'""")) {
            s.setString(1, alertId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) + " after " + rs.getInt(2) + " attempts" : "none";
            }
        }
    }

    @Test
    void derivedSeriesAreStoredOnTheStreamAndDriveRules() {
        String st = TestServices.uniqueStationId("derived");
        assertThat(http.postJson("/api/v1/rules", new JsonObject().put("id", "thi-" + st).put("kind", "threshold")
                .put("metric", "thi").put("scope", new JsonObject().put("station", st)).put("severity", "warning")
                .put("direction", "above").put("raise", 79).put("clear", 77).encode()).status()).isEqualTo(201);
        Instant t = now().truncatedTo(ChronoUnit.SECONDS);
        Stations.sendClimate(http, st, t, 25, 60); // one pack, as a SHT31 or BME280 reports both

        String range = "&from=" + t.minusSeconds(5) + "&to=" + t.plusSeconds(60);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/v1/series?station=" + st + "&metric=dew_point" + range).json().getJsonArray("points").size() == 1);
        JsonArray dew = http.get("/api/v1/series?station=" + st + "&metric=dew_point" + range).json().getJsonArray("points");
        assertThat(dew.getJsonObject(0).getString("time")).isEqualTo(t.toString());
        assertThat(dew.getJsonObject(0).getDouble("value")).isCloseTo(DewPoint.celsius(25, 60), within(1e-9));
        assertThat(http.get("/api/v1/series?station=" + st + "&metric=vpd" + range).json().getJsonArray("points")
                .getJsonObject(0).getDouble("value")).isCloseTo(VapourPressureDeficit.kPa(25, 60), within(1e-9));
        double thiMild = TemperatureHumidityIndex.of(25, 60);
        assertThat(thiMild).isLessThan(79);
        assertThat(alerts("?station=" + st)).isEmpty();

        Stations.sendClimate(http, st, t.plusSeconds(30), 34, 70);
        double thiHot = TemperatureHumidityIndex.of(34, 70);
        assertThat(thiHot).isGreaterThan(79);
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts("?station=" + st).size() == 1);
        JsonObject alert = onlyAlert(st);
        assertThat(alert.getString("metric")).isEqualTo("thi");
        assertThat(alert.getString("rule")).isEqualTo("thi-" + st);
        assertThat(alert.getDouble("value")).isCloseTo(thiHot, within(1e-9));
        assertThat(alert.getString("trigger_time")).isEqualTo(t.plusSeconds(30).toString());
        // derived readings are not derived again, and each derived value is stored once
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(http.get("/api/v1/series?station=" + st + "&metric=thi" + range).json().getJsonArray("points")
                        .stream().map(o -> ((JsonObject) o).getDouble("value")).toList())
                        .containsExactly(thiMild, thiHot));
        assertThat(http.get("/api/v1/rejected?station=" + st).json().getJsonArray("rejected")).isEmpty();
    }
}
