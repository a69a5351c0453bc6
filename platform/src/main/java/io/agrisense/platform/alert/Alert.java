package io.agrisense.platform.alert;

import io.agrisense.protocol.StationId;
import java.time.Instant;

/**
 * One alert, from firing to resolution. Times are the engine's clock (when the platform knew), except
 * {@code triggerReadingTime}, the station's time of the reading that confirmed it.
 *
 * @param conditionSince     when the condition became true (start of the pending period)
 * @param triggerValue       the value that fired it (null for no_data and station_offline)
 * @param worstValue         the most extreme value seen while active, in the rule's direction
 * @param message            why it fired, for people
 */
public record Alert(String id, String ruleId, String ruleName, StationId station, String metric, Severity severity,
                    AlertState state, Instant conditionSince, Instant firedAt, Double triggerValue,
                    Instant triggerReadingTime, Double worstValue, Instant acknowledgedAt, String acknowledgedBy,
                    Instant resolvedAt, Double resolveValue, String message) {

    public AlertKey key() {
        return new AlertKey(ruleId, station, metric);
    }

    Alert withWorst(Double worst) {
        return new Alert(id, ruleId, ruleName, station, metric, severity, state, conditionSince, firedAt, triggerValue,
                triggerReadingTime, worst, acknowledgedAt, acknowledgedBy, resolvedAt, resolveValue, message);
    }

    Alert acknowledged(String by, Instant at) {
        return new Alert(id, ruleId, ruleName, station, metric, severity, AlertState.ACKNOWLEDGED, conditionSince,
                firedAt, triggerValue, triggerReadingTime, worstValue, at, by, resolvedAt, resolveValue, message);
    }

    Alert resolved(Instant at, Double value) {
        return new Alert(id, ruleId, ruleName, station, metric, severity, AlertState.RESOLVED, conditionSince, firedAt,
                triggerValue, triggerReadingTime, worstValue, acknowledgedAt, acknowledgedBy, at, value, message);
    }
}
