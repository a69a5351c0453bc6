package io.agrisense.platform.alert;

import java.util.Optional;

/**
 * A change the engine decided: persist {@code alert}, notify (MQTT, SSE, webhooks) and, on FIRING, send the
 * rule's downlink command if it has one.
 *
 * @param state   FIRING, ACKNOWLEDGED or RESOLVED (never PENDING: pending is not notified)
 * @param reason  what happened, for people ("dissolved_oxygen 3.6 mg/L at or above the clear level 3.5")
 * @param command present on FIRING when the rule carries an action
 */
public record AlertTransition(AlertState state, Alert alert, String reason, Optional<DownlinkCommand> command) {
}
