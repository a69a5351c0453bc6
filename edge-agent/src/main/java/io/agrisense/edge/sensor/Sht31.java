package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * Sensirion SHT31 on I2C (0x44, or 0x45 with ADDR high): temperature and humidity by single-shot measurement,
 * high repeatability, no clock stretching (datasheet table 9, command 0x2400).
 */
public final class Sht31 implements Sensor {

    public static final int DEFAULT_ADDRESS = 0x44;
    public static final int SINGLE_SHOT_HIGH = 0x2400;

    private final String name;
    private final I2cDevice device;
    private final DeviceTiming timing;

    public record Measurement(double celsius, double relativeHumidity) {
    }

    public Sht31(String name, Context pi4j, int bus, int address, DeviceTiming timing) {
        this.name = name;
        this.device = new I2cDevice(pi4j, "SHT31", name, bus, address);
        this.timing = timing;
    }

    /** T = -45 + 175 * S_T / (2^16 - 1) (datasheet §4.13). */
    public static double celsius(int raw) {
        return -45.0 + 175.0 * raw / 65535.0;
    }

    /** RH = 100 * S_RH / (2^16 - 1) (datasheet §4.13). */
    public static double relativeHumidity(int raw) {
        return 100.0 * raw / 65535.0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Measurement m = measure();
        return List.of(new SensorReading(AIR_TEMPERATURE, m.celsius()),
                new SensorReading(RELATIVE_HUMIDITY, m.relativeHumidity()));
    }

    public synchronized Measurement measure() throws SensorException {
        device.write((byte) (SINGLE_SHOT_HIGH >> 8), (byte) SINGLE_SHOT_HIGH);
        // high repeatability takes at most 15.5 ms (table 4); reading earlier is NACKed
        DeviceTiming.pause(timing, Duration.ofMillis(16), "the SHT31 measurement");
        int[] words = SensirionCrc8.words(device.read(6), device.label());
        return new Measurement(celsius(words[0]), relativeHumidity(words[1]));
    }

    @Override
    public void close() {
        device.close();
    }
}
