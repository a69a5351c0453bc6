package io.agrisense.platform.alert.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.app.Platform;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.testing.Http;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Stations;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real platform restart against the same database with a firing alert and a pending condition. */
class AlertRestartIT {

    @Test
    void aFiringAlertStaysOneAlertAcrossARestartAndItsClearIsNotifiedOnce() throws Exception {
        PlatformConfig config = PlatformFixture.config("restart", Map.of("alerts", "tickInterval: 1s"));
        String st = TestServices.uniqueStationId("restart");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String alertId;
        Instant pendingSince;
        Instant stopped;
        try (MqttTestSubscriber mqtt = MqttTestSubscriber.connect(TestServices.mqttServerUri(), "agri/v1/" + st + "/alerts")) {
            try (Platform first = Platform.start(config, Platform.Extensions.none())) {
                Http http = new Http(first.httpPort());
                assertThat(http.postJson("/api/v1/rules", rule("do-" + st, st, "dissolved_oxygen", "below", 3.0, 3.5, "0s")).status())
                        .isEqualTo(201);
                assertThat(http.postJson("/api/v1/rules", rule("ph-" + st, st, "ph", "above", 9.0, 8.7, "6s")).status())
                        .isEqualTo(201);
                Stations.send(http, st, "dissolved_oxygen", "mg/L", t, 2.5);
                MqttTestSubscriber.Message fired = mqtt.next(m -> "firing".equals(new JsonObject(m.text()).getString("event")), Duration.ofSeconds(15));
                alertId = new JsonObject(fired.text()).getString("id");
                assertThat(new JsonObject(fired.text()).getString("rule")).isEqualTo("do-" + st);
                assertThat(fired.retained()).isFalse();
                await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(mqttDelivery(first, alertId, "firing")));
                pendingSince = Instant.now();
                Stations.send(http, st, "ph", "pH", t.plusSeconds(1), 9.5); // pending for 6 s when the platform stops
            }
            stopped = Instant.now();
            assertThat(Duration.between(pendingSince, stopped)).as("stopped while the ph condition was pending")
                    .isLessThan(Duration.ofSeconds(6));

            try (Platform second = Platform.start(config, Platform.Extensions.none())) {
                Http http = new Http(second.httpPort());
                assertThat(http.get("/api/v1/rules/do-" + st).json().getString("origin")).as("API rules survive").isEqualTo("added");
                List<JsonObject> alerts = alerts(http, st);
                assertThat(alerts).hasSize(1);
                assertThat(alerts.get(0).getString("id")).isEqualTo(alertId);
                assertThat(alerts.get(0).getString("state")).isEqualTo("firing");

                Stations.send(http, st, "dissolved_oxygen", "mg/L", t.plusSeconds(2), 2.4); // still low: no second alert
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), pendingSince.plusSeconds(6)).toMillis()));
                Stations.send(http, st, "ph", "pH", t.plusSeconds(3), 9.6);
                await().atMost(Duration.ofSeconds(10)).until(() -> alerts(http, st).size() == 2);
                JsonObject ph = alerts(http, st).stream().filter(a -> a.getString("rule").equals("ph-" + st)).findFirst().orElseThrow();
                assertThat(Instant.parse(ph.getString("started_at"))).as("the pending period from before the restart")
                        .isBefore(stopped);
                assertThat(Instant.parse(ph.getString("fired_at"))).isAfter(stopped);

                Stations.send(http, st, "dissolved_oxygen", "mg/L", t.plusSeconds(4), 3.6);
                MqttTestSubscriber.Message resolved = mqtt.next(m -> alertId.equals(new JsonObject(m.text()).getString("id"))
                        && "resolved".equals(new JsonObject(m.text()).getString("event")), Duration.ofSeconds(15));
                assertThat(new JsonObject(resolved.text()).getDouble("resolve_value")).isEqualTo(3.6);
                assertThat(new JsonObject(resolved.text()).getDouble("worst_value")).isEqualTo(2.4);
                Thread.sleep(1000); // anything duplicated would have come by now (same publisher, in order)

                List<String> doEvents = mqtt.all().stream().filter(m -> ("do-" + st).equals(new JsonObject(m.text()).getString("rule")))
                        .map(m -> new JsonObject(m.text()).getString("event") + " " + new JsonObject(m.text()).getString("id")).toList();
                assertThat(doEvents).containsExactly("firing " + alertId, "resolved " + alertId);
                JsonObject stored = http.get("/api/v1/alerts/" + alertId).json();
                assertThat(stored.getString("state")).isEqualTo("resolved");
                assertThat(stored.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("state")))
                        .containsExactly("firing", "resolved");
            }
        }
    }

    private static String rule(String id, String station, String metric, String direction, double raise, double clear,
                               String forDuration) {
        return new JsonObject().put("id", id).put("kind", "threshold").put("metric", metric)
                .put("scope", new JsonObject().put("station", station)).put("severity", "critical")
                .put("direction", direction).put("raise", raise).put("clear", clear).put("for", forDuration).encode();
    }

    private static List<JsonObject> alerts(Http http, String station) {
        return http.get("/api/v1/alerts?station=" + station).json().getJsonArray("alerts").stream()
                .map(o -> (JsonObject) o).toList();
    }

    private static String mqttDelivery(Platform p, String alertId, String state) throws Exception {
        try (Connection c = p.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT d.status FROM alert_deliveries d JOIN alert_events e ON e.id = d.event_id
                WHERE e.alert_id = ? AND e.state = ? AND d.channel = 'mqtt'""")) {
            s.setString(1, alertId);
            s.setString(2, state);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
