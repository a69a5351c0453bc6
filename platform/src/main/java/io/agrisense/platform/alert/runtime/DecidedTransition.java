package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.AlertState;
import io.agrisense.platform.alert.AlertTransition;
import java.time.Duration;
import java.time.Instant;

/**
 * A transition from the engine with what caused it, for the latency of reading to alert.
 *
 * @param triggerReceivedAt when the platform received the reading that caused it; null for the timer, an
 *                          acknowledgement or a rule change
 * @param evidenceAt        when the platform had all it needed to decide: that reading's receipt, or the end of
 *                          a for-duration the timer noticed; null when not measured
 */
public record DecidedTransition(AlertTransition transition, Instant triggerReceivedAt, Instant evidenceAt) {

    /** When the engine decided it. */
    public Instant at() {
        var a = transition.alert();
        return switch (transition.state()) {
            case FIRING, PENDING -> a.firedAt();
            case ACKNOWLEDGED -> a.acknowledgedAt();
            case RESOLVED -> a.resolvedAt();
        };
    }

    /** Decision latency in milliseconds, or null when the evidence time is unknown. */
    public Double latencyMs() {
        return evidenceAt == null ? null : Math.max(0, Duration.between(evidenceAt, at()).toNanos() / 1e6);
    }

    public boolean firing() {
        return transition.state() == AlertState.FIRING;
    }
}
