package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.CO2;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * Sensirion SCD40/SCD41 photoacoustic CO2 sensor on I2C (fixed address 0x62) in periodic measurement mode: a new
 * sample every 5 s, fetched with read_measurement once get_data_ready_status says one is waiting
 * (datasheet §3.5 and §3.8.2).
 */
public final class Scd41 implements Sensor {

    public static final int ADDRESS = 0x62;
    public static final int START_PERIODIC_MEASUREMENT = 0x21B1;
    public static final int READ_MEASUREMENT = 0xEC05;
    public static final int STOP_PERIODIC_MEASUREMENT = 0x3F86;
    public static final int GET_DATA_READY_STATUS = 0xE4B8;

    private static final Duration READY_POLL = Duration.ofMillis(250);
    /** The first sample arrives 5 s after start_periodic_measurement. */
    private static final int READY_POLLS = 26;

    private final String name;
    private final I2cDevice device;
    private final DeviceTiming timing;
    private boolean periodic;

    /** CO2 in ppm, temperature in °C, relative humidity in %RH. */
    public record Measurement(double co2, double celsius, double relativeHumidity) {
    }

    public Scd41(String name, Context pi4j, int bus, DeviceTiming timing) {
        this.name = name;
        this.device = new I2cDevice(pi4j, "SCD41", name, bus, ADDRESS);
        this.timing = timing;
    }

    /** T = -45 + 175 * word / (2^16 - 1) (datasheet §3.5.2). */
    public static double celsius(int raw) {
        return -45.0 + 175.0 * raw / 65535.0;
    }

    /** RH = 100 * word / (2^16 - 1) (datasheet §3.5.2). */
    public static double relativeHumidity(int raw) {
        return 100.0 * raw / 65535.0;
    }

    /** get_data_ready_status: the 11 least significant bits are 0 when no new sample is waiting (§3.8.2). */
    public static boolean dataReady(int statusWord) {
        return (statusWord & 0x07FF) != 0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Measurement m = measure();
        return List.of(new SensorReading(CO2, m.co2()),
                new SensorReading(AIR_TEMPERATURE, m.celsius()),
                new SensorReading(RELATIVE_HUMIDITY, m.relativeHumidity()));
    }

    public synchronized Measurement measure() throws SensorException {
        if (!periodic) {
            startPeriodicMeasurement();
        }
        int polls = 0;
        while (!dataReady(command(GET_DATA_READY_STATUS, 1)[0])) {
            if (++polls > READY_POLLS) {
                periodic = false; // a power cycle leaves the sensor idle: start it again on the next read
                throw new SensorException(device.label() + ": no sample became ready within "
                        + READY_POLL.multipliedBy(READY_POLLS).toSeconds() + " s of periodic measurement");
            }
            DeviceTiming.pause(timing, READY_POLL, "an SCD41 sample");
        }
        int[] words = command(READ_MEASUREMENT, 3);
        return new Measurement(words[0], celsius(words[1]), relativeHumidity(words[2]));
    }

    private void startPeriodicMeasurement() throws SensorException {
        // stop first: after an agent restart the sensor may still be measuring and would reject the start (§3.5)
        device.write(commandBytes(STOP_PERIODIC_MEASUREMENT));
        DeviceTiming.pause(timing, Duration.ofMillis(500), "the SCD41 to stop measuring");
        device.write(commandBytes(START_PERIODIC_MEASUREMENT));
        periodic = true;
    }

    private int[] command(int command, int words) throws SensorException {
        device.write(commandBytes(command));
        DeviceTiming.pause(timing, Duration.ofMillis(1), "the SCD41 command");
        return SensirionCrc8.words(device.read(3 * words), device.label());
    }

    private static byte[] commandBytes(int command) {
        return new byte[] {(byte) (command >> 8), (byte) command};
    }

    @Override
    public void close() {
        synchronized (this) {
            if (periodic) {
                try {
                    device.write(commandBytes(STOP_PERIODIC_MEASUREMENT));
                } catch (SensorException e) {
                    // the sensor is gone; nothing to stop
                }
                periodic = false;
            }
        }
        device.close();
    }
}
