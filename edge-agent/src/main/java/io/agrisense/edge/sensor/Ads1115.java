package io.agrisense.edge.sensor;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.Locale;

/**
 * TI ADS1115 16-bit ADC on I2C (0x48..0x4B by ADDR pin) in single-shot mode, single-ended inputs AIN0..AIN3 against
 * GND, 128 samples/s, comparator off. Several analog probes share one chip, so conversions are serialised here.
 */
public final class Ads1115 implements AutoCloseable {

    public static final int DEFAULT_ADDRESS = 0x48;
    static final int REG_CONVERSION = 0x00;
    static final int REG_CONFIG = 0x01;
    static final int OS_IDLE = 0x8000;

    /** Programmable gain amplifier settings: full-scale range and PGA[2:0] bits (datasheet §9.6.3, table 8). */
    public enum Gain {
        FS_6_144(0b000, 6.144), FS_4_096(0b001, 4.096), FS_2_048(0b010, 2.048),
        FS_1_024(0b011, 1.024), FS_0_512(0b100, 0.512), FS_0_256(0b101, 0.256);

        private final int bits;
        private final double fullScale;

        Gain(int bits, double fullScale) {
            this.bits = bits;
            this.fullScale = fullScale;
        }

        public int bits() {
            return bits;
        }

        public double fullScaleVolts() {
            return fullScale;
        }

        /** The gain whose full-scale range is the given number of volts (6.144, 4.096, ... 0.256). */
        public static Gain ofFullScale(double volts) {
            for (Gain gain : values()) {
                if (Math.abs(gain.fullScale - volts) < 1e-6) {
                    return gain;
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no ADS1115 gain has a full-scale range of %s V; use 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256", volts));
        }

        public static Gain ofBits(int bits) {
            for (Gain gain : values()) {
                if (gain.bits == bits) {
                    return gain;
                }
            }
            return FS_0_256; // PGA 110 and 111 also mean ±0.256 V
        }
    }

    private final I2cDevice device;
    private final DeviceTiming timing;

    public Ads1115(Context pi4j, int bus, int address, DeviceTiming timing) {
        this.device = new I2cDevice(pi4j, "ADS1115", null, bus, address);
        this.timing = timing;
    }

    /**
     * Config register for one single-shot conversion of AINx against GND (datasheet §9.6.3, table 8):
     * OS=1, MUX=1xx, PGA, MODE=1 (single-shot), DR=100 (128 SPS), comparator disabled (COMP_QUE=11).
     */
    public static int configWord(int channel, Gain gain) {
        if (channel < 0 || channel > 3) {
            throw new IllegalArgumentException("ADS1115 channel must be 0..3, got " + channel);
        }
        return 0x8000 | ((0b100 | channel) << 12) | (gain.bits() << 9) | 0x0100 | (0b100 << 5) | 0b11;
    }

    /** Single-ended channel selected by a config word, or -1 for a differential input. */
    public static int channelOf(int configWord) {
        int mux = (configWord >> 12) & 0b111;
        return mux >= 0b100 ? mux - 0b100 : -1;
    }

    /** Volts for a conversion result: one LSB is FSR / 2^15 (datasheet §9.3.3, table 3). */
    public static double volts(int raw, Gain gain) {
        return raw * gain.fullScaleVolts() / 32768.0;
    }

    String label() {
        return device.label();
    }

    public synchronized double readVolts(int channel, Gain gain) throws SensorException {
        int config = configWord(channel, gain);
        device.writeRegister(REG_CONFIG, (byte) (config >> 8), (byte) config);
        DeviceTiming.pause(timing, Duration.ofMillis(9), "the ADS1115 conversion"); // 1/128 s
        int polls = 0;
        while ((word(device.readRegister(REG_CONFIG, 2)) & OS_IDLE) == 0) {
            if (++polls > 10) {
                throw new SensorException(device.label() + ": conversion did not finish within 30 ms");
            }
            DeviceTiming.pause(timing, Duration.ofMillis(2), "the ADS1115 conversion");
        }
        int raw = (short) word(device.readRegister(REG_CONVERSION, 2));
        if (raw >= 32767 || raw <= -32768) {
            throw new SensorException(String.format(Locale.ROOT, "%s: AIN%d is at full scale (%+.3f V): probe "
                    + "disconnected or shorted, or the gain is too high for it", device.label(), channel,
                    volts(raw, gain)));
        }
        return volts(raw, gain);
    }

    private static int word(byte[] data) {
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    @Override
    public void close() {
        device.close();
    }
}
