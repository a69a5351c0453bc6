package io.agrisense.edge.config;

import io.agrisense.edge.sensor.SensorSpec;
import java.time.Duration;
import java.util.Map;

/**
 * One {@code sensors:} entry. The keys the runtime reads are {@code name}, {@code type}, {@code interval} and
 * {@code calibration}; every other key is a driver option (bus, address, channels...) passed on in {@link #spec()}.
 */
public record SensorConfig(String name, String type, Duration interval, Map<String, Object> options,
                           Map<String, Calibration> calibration) {

    public SensorConfig {
        options = Map.copyOf(options);
        calibration = Map.copyOf(calibration);
    }

    public SensorSpec spec() {
        return new SensorSpec(name, type, options);
    }

    public SensorConfig withInterval(Duration newInterval) {
        return new SensorConfig(name, type, newInterval, options, calibration);
    }
}
