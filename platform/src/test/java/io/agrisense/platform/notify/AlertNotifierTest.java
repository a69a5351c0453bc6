package io.agrisense.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.AlertState;
import io.agrisense.platform.alert.Severity;
import io.agrisense.platform.alert.runtime.AlertJson;
import io.agrisense.platform.alert.runtime.AlertRecord;
import io.agrisense.platform.alert.runtime.Delivery;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.protocol.StationId;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertNotifierTest {

    private static final Instant T = Instant.parse("2026-07-04T17:30:00Z");
    private final AlertNotifier notifier = new AlertNotifier(null, null, List.of(
            new PlatformConfig.Webhook("https://ops.example/all", Set.of(), Duration.ofSeconds(5)),
            new PlatformConfig.Webhook("https://ops.example/critical", Set.of("critical"), Duration.ofSeconds(5))),
            null, null);

    private static AlertRecord alert(Severity severity, AlertState state, boolean command) {
        Alert a = new Alert("a-1", "pond-do-critical", "Pond DO critical", StationId.of("pond-3"), "dissolved_oxygen",
                severity, state, T, T.plusSeconds(120), 2.8, T.plusSeconds(119), 2.7, null, null,
                state == AlertState.RESOLVED ? T.plusSeconds(600) : null, state == AlertState.RESOLVED ? 3.6 : null,
                "dissolved_oxygen 2.8 mg/L at or below 3 for 2m");
        AlertRecord.Command c = command ? new AlertRecord.Command("a-a-1",
                Map.of("command", "switch", "actuator", "aerator", "state", "on", "duration", "30min"), "pending", null, null) : null;
        return new AlertRecord(a, T.plusSeconds(119).plusMillis(40), 3.5, null, c, T.plusSeconds(120));
    }

    private List<String> plan(AlertRecord r) {
        JsonObject n = AlertJson.notification(r, UUID.fromString("00000000-0000-0000-0000-000000000001"),
                T.plusSeconds(120), "why");
        return notifier.plan(r, n).stream().map(p -> p.channel() + " " + p.target()).toList();
    }

    @Test
    void everyChangeGoesToMqttAndToTheWebhooksThatWantItsSeverity() {
        assertThat(plan(alert(Severity.CRITICAL, AlertState.RESOLVED, true))).containsExactly(
                "mqtt agri/v1/pond-3/alerts", "webhook https://ops.example/all", "webhook https://ops.example/critical");
        assertThat(plan(alert(Severity.WARNING, AlertState.FIRING, false))).containsExactly(
                "mqtt agri/v1/pond-3/alerts", "webhook https://ops.example/all");
    }

    @Test
    void theRulesCommandIsSentOnFiringOnlyInTheAgentsFormat() {
        AlertRecord firing = alert(Severity.CRITICAL, AlertState.FIRING, true);
        List<Delivery.Planned> planned = notifier.plan(firing, AlertJson.notification(firing, UUID.randomUUID(), T, "why"));

        assertThat(planned).extracting(Delivery.Planned::channel).containsExactly("mqtt", "webhook", "webhook", "command");
        Delivery.Planned command = planned.get(3);
        assertThat(command.target()).isEqualTo("agri/v1/pond-3/commands/a-a-1");
        assertThat(new JsonObject(command.payload())).isEqualTo(new JsonObject()
                .put("command", "switch").put("actuator", "aerator").put("state", "on").put("duration", "30min"));
    }

    @Test
    void theNotificationIsTheAlertJsonWithItsEvent() {
        JsonObject n = AlertJson.notification(alert(Severity.CRITICAL, AlertState.FIRING, true),
                UUID.fromString("00000000-0000-0000-0000-000000000001"), T.plusSeconds(120), "dissolved_oxygen 2.8 mg/L at or below 3 for 2m");

        assertThat(n.getString("event_id")).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(n.getString("event")).isEqualTo("firing");
        assertThat(n.getString("event_at")).isEqualTo("2026-07-04T17:32:00Z");
        assertThat(n.getString("station")).isEqualTo("pond-3");
        assertThat(n.getString("unit")).isEqualTo("mg/L");
        assertThat(n.getString("severity")).isEqualTo("critical");
        assertThat(n.getString("started_at")).isEqualTo("2026-07-04T17:30:00Z");
        assertThat(n.getString("fired_at")).isEqualTo("2026-07-04T17:32:00Z");
        assertThat(n.getDouble("value")).isEqualTo(2.8);
        assertThat(n.getString("trigger_received_at")).isEqualTo("2026-07-04T17:31:59.040Z");
        assertThat(n.getDouble("latency_ms")).isEqualTo(3.5);
        assertThat(n.getJsonObject("command").getString("status")).isEqualTo("pending");
        assertThat(n.getValue("resolved_at")).isNull();
    }

    @Test
    void retriesBackOffByDoublingUpToTheCap() {
        PlatformConfig.WebhookRetry retry = new PlatformConfig.WebhookRetry(Duration.ofSeconds(1), Duration.ofMinutes(1), 10);

        assertThat(List.of(1, 2, 3, 4, 7, 8, 40).stream().map(n -> DeliveryRecorder.backoff(retry, n).toSeconds()))
                .containsExactly(1L, 2L, 4L, 8L, 60L, 60L, 60L);
        assertThat(DeliveryRecorder.commandId("agri/v1/pond-3/commands/a-123")).isEqualTo("a-123");
    }
}
