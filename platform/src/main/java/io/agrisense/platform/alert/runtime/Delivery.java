package io.agrisense.platform.alert.runtime;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification waiting in the outbox ({@code alert_deliveries}): written in the transaction of its alert
 * change, delivered at least once afterwards.
 *
 * @param channel mqtt (the alert on {@code agri/v1/<id>/alerts}), webhook, or command (the rule's downlink command)
 * @param target  the MQTT topic or the webhook URL
 */
public record Delivery(long id, UUID eventId, String channel, String target, String payload, int attempts,
                       Instant createdAt) {

    public static final String MQTT = "mqtt";
    public static final String WEBHOOK = "webhook";
    public static final String COMMAND = "command";

    /** A delivery to create for a transition (before it has an id). */
    public record Planned(String channel, String target, String payload) {
    }
}
