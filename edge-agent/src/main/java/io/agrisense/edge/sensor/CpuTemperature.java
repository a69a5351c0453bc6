package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.CPU_TEMPERATURE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The SoC temperature from the Linux thermal zone file, which holds millidegrees Celsius. */
public final class CpuTemperature implements Sensor {

    private final String name;
    private final Supplier<Optional<Path>> thermalZone;

    public CpuTemperature(String name, Supplier<Optional<Path>> thermalZone) {
        this.name = name;
        this.thermalZone = thermalZone;
    }

    /** Parses the thermal zone text, e.g. "48312" for 48.312 °C. */
    public static double celsius(String text) {
        return Long.parseLong(text.strip()) / 1000.0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Path file = thermalZone.get().orElseThrow(() ->
                new SensorException("cpu_temperature '" + name + "': this machine has no readable thermal zone"));
        try {
            return List.of(new SensorReading(CPU_TEMPERATURE, celsius(Files.readString(file))));
        } catch (IOException e) {
            throw new SensorException("cpu_temperature '" + name + "': cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new SensorException("cpu_temperature '" + name + "': " + file + " does not hold millidegrees: "
                    + e.getMessage(), e);
        }
    }
}
