package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON form of an alert, the same in the API, over MQTT ({@code agri/v1/<id>/alerts}), SSE and webhooks:
 * snake_case fields, ISO-8601 instants. A notification adds the event: {@code event_id}, {@code event} (firing,
 * acknowledged, resolved), {@code event_at} and {@code reason}.
 */
public final class AlertJson {

    private AlertJson() {
    }

    public static JsonObject of(AlertRecord r) {
        Alert a = r.alert();
        JsonObject json = new JsonObject()
                .put("id", a.id())
                .put("rule", a.ruleId())
                .put("rule_name", a.ruleName())
                .put("station", a.station().value())
                .put("metric", a.metric())
                .put("unit", MetricCatalogue.lookup(a.metric()).map(Metric::unit).orElse(null))
                .put("severity", a.severity().wireName())
                .put("state", a.state().wireName())
                .put("message", a.message())
                .put("started_at", text(a.conditionSince()))
                .put("fired_at", text(a.firedAt()))
                .put("value", a.triggerValue())
                .put("trigger_time", text(a.triggerReadingTime()))
                .put("trigger_received_at", text(r.triggerReceivedAt()))
                .put("latency_ms", r.latencyMs())
                .put("worst_value", a.worstValue())
                .put("acknowledged_at", text(a.acknowledgedAt()))
                .put("acknowledged_by", a.acknowledgedBy())
                .put("resolved_at", text(a.resolvedAt()))
                .put("resolve_value", a.resolveValue())
                .put("resolve_reason", r.resolveReason())
                .put("updated_at", text(r.updatedAt()));
        AlertRecord.Command c = r.command();
        json.put("command", c == null ? null : new JsonObject()
                .put("id", c.id())
                .put("payload", new JsonObject(c.payload()))
                .put("status", c.status())
                .put("reply", c.reply() == null ? null : new JsonObject(c.reply()))
                .put("replied_at", text(c.repliedAt())));
        return json;
    }

    /** What is published for one transition. */
    public static JsonObject notification(AlertRecord r, UUID eventId, Instant at, String reason) {
        return of(r).put("event_id", eventId.toString())
                .put("event", r.alert().state().wireName())
                .put("event_at", text(at))
                .put("reason", reason);
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
