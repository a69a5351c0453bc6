package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.metrics.MetricsRegistry;

/** The alert engine's figures on {@code /metrics}. */
public final class AlertMetrics {

    /** Reading (or end of a for-duration) to alert stored and published on MQTT and SSE. */
    public final MetricsRegistry.Summary latency;
    public final MetricsRegistry.Counter transitions;
    public final MetricsRegistry.Counter deliveries;
    public final MetricsRegistry.Counter commandReplies;
    volatile int active;

    public AlertMetrics(MetricsRegistry registry) {
        latency = registry.summary("agri_alert_latency_seconds",
                "Reading to alert: from the platform's receipt of the reading that caused an alert change (or the end of"
                        + " a for-duration) to the change being stored and published over MQTT and SSE");
        transitions = registry.counter("agri_alert_transitions_total", "Alert changes, by state and severity",
                "state", "severity");
        deliveries = registry.counter("agri_alert_deliveries_total",
                "Notification attempts from the outbox, by channel (mqtt, webhook, command) and outcome", "channel", "outcome");
        commandReplies = registry.counter("agri_alert_command_replies_total",
                "Replies to commands sent by alert rules, by status", "status");
        registry.gauge("agri_alerts_active", "Firing and acknowledged alerts", () -> active);
    }
}
