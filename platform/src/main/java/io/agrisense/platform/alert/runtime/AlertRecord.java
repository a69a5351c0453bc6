package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as the platform stores, serves and notifies it: the engine's {@link Alert} plus what the runtime knows
 * around it.
 *
 * @param triggerReceivedAt when the platform received the reading that fired it; null when the timer fired it
 * @param latencyMs         fired_at minus the evidence (that reading's receipt, or the end of the for-duration);
 *                          null when unknown (no-data and offline alerts)
 * @param command           the downlink command the rule's action sent, or null
 */
public record AlertRecord(Alert alert, Instant triggerReceivedAt, Double latencyMs, String resolveReason,
                          Command command, Instant updatedAt) {

    /**
     * @param status pending (not yet published), sent, ok or error (the station's reply), no_reply, not_sent
     * @param reply  the station's reply JSON, or null
     */
    public record Command(String id, Map<String, Object> payload, String status, String reply, Instant repliedAt) {

        public Command {
            payload = payload == null ? Map.of() : Map.copyOf(payload);
        }
    }

    public String id() {
        return alert.id();
    }
}
