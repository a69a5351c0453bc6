package io.agrisense.edge.sensor;

import java.util.Map;

/** One {@code actuators:} entry of a station YAML (type {@code relay}; options pin, activeLow, safeState). */
public record ActuatorSpec(String name, String type, Map<String, Object> options) {

    public ActuatorSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
