package io.agrisense.edge.sensor;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The Raspberry Pi itself: Pi4J's auto-detected context (gpiod, linuxfs, pigpio providers) and the sysfs files. */
public final class RealHardware implements Hardware {

    static final Path W1_DEVICES = Path.of("/sys/bus/w1/devices");
    static final Path THERMAL_ZONE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final Context pi4j;

    private RealHardware(Context pi4j) {
        this.pi4j = pi4j;
    }

    public static RealHardware open() {
        return new RealHardware(Pi4J.newAutoContext());
    }

    @Override
    public Context pi4j() {
        return pi4j;
    }

    @Override
    public Path w1Devices() {
        return W1_DEVICES;
    }

    @Override
    public Optional<Path> cpuThermalZone() {
        return Files.isReadable(THERMAL_ZONE) ? Optional.of(THERMAL_ZONE) : Optional.empty();
    }

    @Override
    public void close() {
        pi4j.shutdown(); // drives every relay to its configured shutdown (safe) state
    }
}
