package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.ILLUMINANCE;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * ROHM BH1750FVI ambient light sensor on I2C (0x23 with ADDR low, 0x5C with ADDR high), one-time H-resolution mode.
 * Full sun saturates the default measurement time (MTreg 69 tops out at 54612 lx), so a saturated sample is taken
 * again with the shortest measurement time (MTreg 31, up to 121557 lx) before giving up.
 */
public final class Bh1750 implements Sensor {

    public static final int DEFAULT_ADDRESS = 0x23;
    public static final int DEFAULT_MTREG = 69;
    public static final int MIN_MTREG = 31;
    public static final int MAX_MTREG = 254;

    static final int POWER_ON = 0x01;
    static final int ONE_TIME_H_RESOLUTION = 0x20;
    static final int MTREG_HIGH = 0x40;
    static final int MTREG_LOW = 0x60;

    private final String name;
    private final I2cDevice device;
    private final DeviceTiming timing;
    private final int mtreg;

    public Bh1750(String name, Context pi4j, int bus, int address, int mtreg, DeviceTiming timing) {
        if (mtreg < MIN_MTREG || mtreg > MAX_MTREG) {
            throw new IllegalArgumentException("BH1750 MTreg must be 31..254, got " + mtreg);
        }
        this.name = name;
        this.device = new I2cDevice(pi4j, "BH1750", name, bus, address);
        this.timing = timing;
        this.mtreg = mtreg;
    }

    /** Illuminance in H-resolution mode: lx = count / 1.2 * (69 / MTreg) (datasheet p.11 "Measurement sequence"). */
    public static double lux(int raw, int mtreg) {
        return raw / 1.2 * (DEFAULT_MTREG / (double) mtreg);
    }

    /** Maximum H-resolution measurement time, 180 ms at MTreg 69, proportional to MTreg (datasheet p.11). */
    public static Duration measurementTime(int mtreg) {
        return Duration.ofMillis((180L * mtreg + DEFAULT_MTREG - 1) / DEFAULT_MTREG);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        return List.of(new SensorReading(ILLUMINANCE, measureLux()));
    }

    public synchronized double measureLux() throws SensorException {
        int raw = measureRaw(mtreg);
        if (raw < 0xFFFF) {
            return lux(raw, mtreg);
        }
        if (mtreg > MIN_MTREG) {
            raw = measureRaw(MIN_MTREG);
            if (raw < 0xFFFF) {
                return lux(raw, MIN_MTREG);
            }
        }
        throw new SensorException(device.label() + ": saturated, illuminance above "
                + Math.round(lux(0xFFFF, MIN_MTREG)) + " lx (shade the sensor or add a diffuser)");
    }

    private int measureRaw(int measurementTimeRegister) throws SensorException {
        device.write((byte) POWER_ON);
        device.write((byte) (MTREG_HIGH | (measurementTimeRegister >> 5)));
        device.write((byte) (MTREG_LOW | (measurementTimeRegister & 0x1F)));
        device.write((byte) ONE_TIME_H_RESOLUTION);
        DeviceTiming.pause(timing, measurementTime(measurementTimeRegister), "the BH1750 measurement");
        byte[] data = device.read(2);
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    @Override
    public void close() {
        device.close();
    }
}
