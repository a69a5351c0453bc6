package io.agrisense.edge.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** The short JSON of a station event, e.g. {@code {"rule":"low_do","actuator":"aerator","state":"on","duration_s":1800,"trigger":2.7}}. */
final class EventText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventText() {
    }

    static String switched(ActuatorControl.Origin origin, String actuator, boolean on, Duration duration, Double trigger,
                           String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put(origin.kind(), origin.id());
        n.put("actuator", actuator);
        n.put("state", on ? "on" : "off");
        if (duration != null) {
            n.put("duration_s", duration.toMillis() / 1000.0);
        }
        if (trigger != null) {
            n.put("trigger", trigger);
        }
        if (reason != null) {
            n.put("reason", reason);
        }
        return n.toString();
    }
}
