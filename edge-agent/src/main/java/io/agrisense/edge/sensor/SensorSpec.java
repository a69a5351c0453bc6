package io.agrisense.edge.sensor;

import java.util.Map;

/** One {@code sensors:} entry of a station YAML; {@code options} holds bus, address, pin, calibration... as parsed YAML. */
public record SensorSpec(String name, String type, Map<String, Object> options) {

    public SensorSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
