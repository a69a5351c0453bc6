package io.agrisense.bench.alert;

import io.vertx.core.json.JsonObject;

/**
 * The fields of an alert notification (the platform's alert JSON, the same over MQTT and SSE) that the benchmark
 * checks, with the time it arrived at the benchmark ({@link System#nanoTime()}).
 *
 * @param latencyMs the platform's own figure: the trigger reading's receipt to the alert's decision
 */
record AlertEvent(long arrivedNanos, String id, String rule, String station, String event, Double value,
                  Double resolveValue, Double latencyMs) {

    static AlertEvent parse(long arrivedNanos, String json) {
        JsonObject o = new JsonObject(json);
        return new AlertEvent(arrivedNanos, o.getString("id"), o.getString("rule"), o.getString("station"),
                o.getString("event", o.getString("state")), o.getDouble("value"), o.getDouble("resolve_value"),
                o.getDouble("latency_ms"));
    }

    boolean firing(String station, String rule) {
        return "firing".equals(event) && station.equals(this.station) && rule.equals(this.rule);
    }

    boolean resolved(String station, String rule) {
        return "resolved".equals(event) && station.equals(this.station) && rule.equals(this.rule);
    }
}
