package io.agrisense.link.localapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.uplink.UplinkStats;
import java.util.List;

/**
 * The {@code /health} document: {@code {"status":"UP"|"DOWN","components":{"uplink":{"status":..,"detail":..},..}}},
 * DOWN (HTTP 503) when any component is down; and the checks the agent and the gateway share.
 */
public record HealthReport(List<ComponentHealth> components) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean up() {
        return components.stream().allMatch(ComponentHealth::up);
    }

    public int httpStatus() {
        return up() ? 200 : 503;
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", up() ? "UP" : "DOWN");
        ObjectNode parts = root.putObject("components");
        for (ComponentHealth c : components) {
            parts.putObject(c.name()).put("status", c.up() ? "UP" : "DOWN").put("detail", c.detail());
        }
        return root.toString();
    }

    /** Up while the link to the broker (or CoAP server) is up; the queue holds what waits meanwhile. */
    public static ComponentHealth uplink(UplinkStats s) {
        String counts = s.messagesSent() + " messages sent, " + s.recordsDelivered() + " records acknowledged, "
                + s.sendFailures() + " send failures";
        return s.linkUp() ? ComponentHealth.up("uplink", "connected; " + counts)
                : ComponentHealth.down("uplink", "not connected; readings wait in the queue; " + counts);
    }

    /** Down once the queue is 90% full: beyond it the oldest readings are dropped to make room. */
    public static ComponentHealth queue(QueueStats q, long maxBytes) {
        String detail = q.records() + " records, " + q.bytes() + " of " + maxBytes + " bytes, " + q.droppedReadings()
                + " readings dropped when full";
        return q.bytes() * 10 >= maxBytes * 9 ? ComponentHealth.down("queue", "nearly full: " + detail)
                : ComponentHealth.up("queue", detail);
    }
}
