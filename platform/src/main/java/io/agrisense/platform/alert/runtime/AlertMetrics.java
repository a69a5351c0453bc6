package io.agrisense.platform.alert.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The alert engine's figures on {@code /metrics}. */
public final class AlertMetrics {

    private final Timer latency;
    private final MeterProvider<Counter> transitions;
    private final MeterProvider<Counter> deliveries;
    private final MeterProvider<Counter> commandReplies;
    volatile int active;

    public AlertMetrics(MeterRegistry registry) {
        latency = Timer.builder("agri.alert.latency")
                .description("Reading to alert: from the platform's receipt of the reading that caused an alert change (or the end of"
                        + " a for-duration) to the change being stored and published over MQTT and SSE")
                .register(registry);
        transitions = Counter.builder("agri.alert.transitions").description("Alert changes, by state and severity")
                .withRegistry(registry);
        deliveries = Counter.builder("agri.alert.deliveries")
                .description("Notification attempts from the outbox, by channel (mqtt, webhook, command) and outcome")
                .withRegistry(registry);
        commandReplies = Counter.builder("agri.alert.command.replies")
                .description("Replies to commands sent by alert rules, by status").withRegistry(registry);
        Gauge.builder("agri.alerts.active", this, m -> m.active).description("Firing and acknowledged alerts")
                .register(registry);
    }

    /** Reading (or end of a for-duration) to alert stored and published on MQTT and SSE. */
    public void latency(Duration readingToAlert) {
        latency.record(readingToAlert.isNegative() ? Duration.ZERO : readingToAlert);
    }

    void transition(String state, String severity) {
        transitions.withTags("state", state, "severity", severity).increment();
    }

    public void delivery(String channel, String outcome) {
        deliveries.withTags("channel", channel, "outcome", outcome).increment();
    }

    public void commandReply(String status) {
        commandReplies.withTags("status", status).increment();
    }
}
