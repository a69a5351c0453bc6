package io.agrisense.platform.alert.runtime;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Decides which notifications an alert change gets (MQTT, webhooks by severity, the rule's command). */
@FunctionalInterface
public interface DeliveryPlanner {

    List<Delivery.Planned> plan(AlertRecord alert, JsonObject notification);
}
