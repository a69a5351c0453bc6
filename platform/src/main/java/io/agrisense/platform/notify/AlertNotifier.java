package io.agrisense.platform.notify;

import io.agrisense.platform.alert.runtime.AlertJournal;
import io.agrisense.platform.alert.runtime.AlertMetrics;
import io.agrisense.platform.alert.runtime.AlertRecord;
import io.agrisense.platform.alert.runtime.AlertStore;
import io.agrisense.platform.alert.runtime.Delivery;
import io.agrisense.platform.alert.runtime.DeliveryPlanner;
import io.agrisense.platform.api.LiveStream;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.protocol.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to an alert change once it is stored: the SSE stream gets it at once ({@code event: alert}), the
 * outbox delivers it on {@code agri/v1/<id>/alerts}, to the webhooks that want its severity and, on firing, sends
 * the rule's command to the station. Also decides those deliveries when the change is written.
 */
public final class AlertNotifier implements AlertJournal.Listener, DeliveryPlanner {

    private final Vertx vertx;
    private final NotificationOutbox outbox;
    private final List<PlatformConfig.Webhook> webhooks;
    private final AlertMetrics metrics;
    private final Clock clock;

    public AlertNotifier(Vertx vertx, NotificationOutbox outbox, List<PlatformConfig.Webhook> webhooks,
                         AlertMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.outbox = outbox;
        this.webhooks = List.copyOf(webhooks);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<Delivery.Planned> plan(AlertRecord alert, JsonObject notification) {
        List<Delivery.Planned> out = new ArrayList<>();
        String payload = notification.encode();
        out.add(new Delivery.Planned(Delivery.MQTT, Topics.alerts(alert.alert().station()), payload));
        String severity = alert.alert().severity().wireName();
        for (PlatformConfig.Webhook w : webhooks) {
            if (w.severities().isEmpty() || w.severities().contains(severity)) {
                out.add(new Delivery.Planned(Delivery.WEBHOOK, w.url(), payload));
            }
        }
        AlertRecord.Command command = alert.command();
        if ("firing".equals(notification.getString("event")) && command != null) {
            out.add(new Delivery.Planned(Delivery.COMMAND, Topics.command(alert.alert().station(), command.id()),
                    new JsonObject(command.payload()).encode()));
        }
        return out;
    }

    @Override
    public void written(List<AlertStore.Written> written) {
        for (AlertStore.Written w : written) {
            vertx.eventBus().publish(LiveStream.ALERTS_ADDRESS, w.notification());
        }
        List<Delivery> deliveries = new ArrayList<>();
        written.forEach(w -> deliveries.addAll(w.deliveries()));
        outbox.offer(deliveries);
        Instant now = clock.instant();
        for (AlertStore.Written w : written) {
            Instant evidence = w.decided().evidenceAt();
            if (evidence != null) {
                metrics.latency(Duration.between(evidence, now));
            }
        }
    }
}
