package io.agrisense.platform.alert;

import io.agrisense.protocol.StationId;
import java.util.Map;

/**
 * A command a firing alert asks to send, as data: phase 2 publishes {@code payload} as JSON on
 * {@code agri/v1/<station>/commands/<commandId>}.
 */
public record DownlinkCommand(StationId station, Map<String, Object> payload) {

    public DownlinkCommand {
        payload = Map.copyOf(payload);
    }
}
