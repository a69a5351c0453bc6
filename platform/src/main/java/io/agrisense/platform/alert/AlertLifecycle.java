package io.agrisense.platform.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert state machine of one track: condition true starts a pending period; once it has held for the
 * rule's for-duration an alert fires; the condition clearing resolves it. A pending period that ends before
 * the duration leaves no trace. While an alert is active, further readings only update its worst value.
 */
final class AlertLifecycle {

    private final Supplier<String> alertIds;

    AlertLifecycle(Supplier<String> alertIds) {
        this.alertIds = alertIds;
    }

    /** The condition holds at {@code now}; {@code value} may be null for no-data and offline rules. */
    Optional<AlertTransition> holds(ConditionTrack t, EffectiveRule rule, Double value, Instant readingTime,
                                    Instant now, String description) {
        if (!t.latched) {
            t.latched = true;
            t.since = now;
            t.worst = null;
        }
        t.value = value;
        t.valueTime = readingTime;
        t.description = description;
        if (value != null) {
            t.worst = t.worst == null ? value : rule.worse(t.worst, value);
        }
        if (t.alert != null) {
            t.alert = t.alert.withWorst(t.worst);
            return Optional.empty();
        }
        return due(t, rule, now) ? Optional.of(fire(t, rule, now)) : Optional.empty();
    }

    /** The condition no longer holds: resolve the active alert, or silently drop a pending one. */
    Optional<AlertTransition> cleared(ConditionTrack t, Double value, Instant now, String reason) {
        t.latched = false;
        t.since = null;
        t.value = null;
        t.valueTime = null;
        t.worst = null;
        t.description = null;
        return Optional.ofNullable(resolve(t, value, now, reason));
    }

    /** Timer check: a pending condition whose duration has elapsed fires, on the last known evidence. */
    Optional<AlertTransition> expire(ConditionTrack t, EffectiveRule rule, Instant now) {
        return t.pending() && due(t, rule, now) ? Optional.of(fire(t, rule, now)) : Optional.empty();
    }

    Optional<AlertTransition> acknowledge(ConditionTrack t, String operator, Instant now) {
        if (t.alert == null || t.alert.state() == AlertState.ACKNOWLEDGED) {
            return Optional.empty();
        }
        t.alert = t.alert.acknowledged(operator, now);
        return Optional.of(new AlertTransition(AlertState.ACKNOWLEDGED, t.alert, "acknowledged by " + operator,
                Optional.empty()));
    }

    /** Ends the active alert whatever the condition (rule removed); null when there is none. */
    AlertTransition resolve(ConditionTrack t, Double value, Instant now, String reason) {
        if (t.alert == null) {
            return null;
        }
        Alert resolved = t.alert.resolved(now, value);
        t.alert = null;
        return new AlertTransition(AlertState.RESOLVED, resolved, reason, Optional.empty());
    }

    private static boolean due(ConditionTrack t, EffectiveRule rule, Instant now) {
        return Duration.between(t.since, now).compareTo(rule.forDuration()) >= 0;
    }

    private AlertTransition fire(ConditionTrack t, EffectiveRule rule, Instant now) {
        String message = t.description + (rule.forDuration().isZero() ? ""
                : " for " + DurationText.format(rule.forDuration()));
        t.alert = new Alert(alertIds.get(), rule.id(), rule.name(), t.key.station(), t.key.metric(), rule.severity(),
                AlertState.FIRING, t.since, now, t.value, t.valueTime, t.worst, null, null, null, null, message);
        Optional<DownlinkCommand> command = rule.action() == null ? Optional.empty()
                : Optional.of(new DownlinkCommand(t.key.station(), rule.action()));
        return new AlertTransition(AlertState.FIRING, t.alert, message, command);
    }
}
