package io.agrisense.edge.sensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Maxim DS18B20 1-Wire thermometer read through the Linux w1-gpio and w1_therm drivers: reading
 * {@code /sys/bus/w1/devices/<id>/w1_slave} makes the kernel run a conversion (about 750 ms) and print the
 * scratchpad. The w1 directory is looked up on every read so a re-enumerated bus is followed.
 */
public final class Ds18b20 implements Sensor {

    static final Pattern W1_ID = Pattern.compile("28-[0-9a-f]{12}");

    private final String name;
    private final Supplier<Path> w1Devices;
    private final String w1Id;
    private final String metric;
    private final String label;

    public Ds18b20(String name, Supplier<Path> w1Devices, String w1Id, String metric) {
        this.name = name;
        this.w1Devices = w1Devices;
        this.w1Id = w1Id;
        this.metric = metric;
        this.label = "DS18B20 '" + name + "' (1-Wire " + w1Id + ")";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Path root = w1Devices.get();
        Path device = root.resolve(w1Id);
        if (!Files.isDirectory(device)) {
            throw new SensorException(label + ": not present under " + root + ": sensor disconnected, or the "
                    + "w1-gpio overlay is not enabled (dtoverlay=w1-gpio in config.txt)");
        }
        String text;
        try {
            text = Files.readString(device.resolve("w1_slave"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SensorException(label + ": cannot read w1_slave: " + e.getMessage(), e);
        }
        return List.of(new SensorReading(metric, W1Slave.celsius(text, label)));
    }
}
