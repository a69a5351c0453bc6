package io.agrisense.edge.app;

import io.agrisense.edge.config.SensorConfig;
import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.sensor.Actuator;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.DeviceFactory;
import io.agrisense.edge.sensor.Hardware;
import io.agrisense.edge.sensor.RealHardware;
import io.agrisense.edge.sensor.Sensor;
import io.agrisense.edge.sensor.SensorSpec;
import io.agrisense.edge.sim.SimulatedHardware;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The drivers' {@link DeviceFactory} over real hardware (Pi4J on the Pi), or over {@link SimulatedHardware}
 * with {@code --simulate}: the same driver classes decode the bytes either way.
 */
final class HardwareDevices implements Devices {

    private final Hardware hardware;
    private final DeviceFactory factory;

    private HardwareDevices(Hardware hardware) {
        this.hardware = hardware;
        this.factory = new DeviceFactory(hardware);
    }

    static HardwareDevices open(StationConfig config, AgentOptions options) {
        if (!options.simulate()) {
            return new HardwareDevices(RealHardware.open());
        }
        return new HardwareDevices(SimulatedHardware.create(config.profile(), options.seed(), options.worldOrClock(),
                config.sensors().stream().map(SensorConfig::spec).toList(), config.actuators()));
    }

    /** The simulation behind the devices, for demos and tests that steer the environment or inject faults. */
    Optional<SimulatedHardware> simulation() {
        return hardware instanceof SimulatedHardware sim ? Optional.of(sim) : Optional.empty();
    }

    @Override
    public Sensor sensor(SensorSpec spec) {
        return factory.sensor(spec);
    }

    @Override
    public Actuator actuator(ActuatorSpec spec) {
        return factory.actuator(spec);
    }

    @Override
    public Optional<Path> cpuThermalZone() {
        return hardware.cpuThermalZone();
    }

    @Override
    public void close() {
        hardware.close();
    }
}
