package io.agrisense.edge.sensor;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.Optional;

/** What the drivers read through: Pi4J for I2C/serial/GPIO, the w1 sysfs folder, the SoC thermal zone. */
public interface Hardware extends AutoCloseable {

    Context pi4j();

    /** {@code /sys/bus/w1/devices} on a Pi; a simulated folder in simulation. */
    Path w1Devices();

    /** {@code /sys/class/thermal/thermal_zone0/temp} where readable. */
    Optional<Path> cpuThermalZone();

    /**
     * Time base for conversion waits and pulse timing. Added by the drivers: simulation substitutes device time
     * derived from its clock, so a chip's conversion wait costs nothing there.
     */
    default DeviceTiming timing() {
        return DeviceTiming.SYSTEM;
    }

    @Override
    void close();
}
