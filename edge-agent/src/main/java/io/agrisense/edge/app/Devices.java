package io.agrisense.edge.app;

import io.agrisense.edge.sensor.Actuator;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the agent gets its sensors and relays: the real drivers on a Pi, the same drivers over simulated
 * hardware ({@code --simulate}), or anything a test or benchmark supplies through {@link AgentOptions}.
 * The agent closes it when it stops.
 */
public interface Devices extends AutoCloseable {

    Sensor sensor(SensorSpec spec) throws Exception;

    Actuator actuator(ActuatorSpec spec) throws Exception;

    /** The SoC temperature file, when this hardware has one. */
    Optional<Path> cpuThermalZone();

    @Override
    void close();
}
