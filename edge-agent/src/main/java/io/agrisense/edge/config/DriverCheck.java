package io.agrisense.edge.config;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Hardware;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lets the drivers judge their own options at load time, so a bad option is a config error naming the file and
 * the field rather than a failure at start. Drivers open chips on first read, so building them over a Pi4J
 * context without providers touches no hardware.
 */
final class DriverCheck implements AutoCloseable {

    private final Context pi4j;
    private final DeviceFactory factory;

    DriverCheck() {
        pi4j = Pi4J.newContextBuilder().noAutoDetect().build();
        factory = new DeviceFactory(new Hardware() {
            @Override
            public Context pi4j() {
                return pi4j;
            }

            @Override
            public Path w1Devices() {
                return Path.of("/sys/bus/w1/devices");
            }

            @Override
            public Optional<Path> cpuThermalZone() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        });
    }

    /** The metrics the sensor reports. @throws IllegalArgumentException naming the option that is wrong */
    List<String> sensor(SensorSpec spec) {
        List<String> metrics = DeviceFactory.metrics(spec);
        try (Sensor s = factory.sensor(spec)) {
            return metrics;
        }
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    void actuator(ActuatorSpec spec) {
        DeviceFactory.relayLoad(spec);
        DeviceFactory.safeStateOn(spec);
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
