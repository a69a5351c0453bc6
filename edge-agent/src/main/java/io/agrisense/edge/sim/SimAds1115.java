package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.Ads1115;
import java.util.function.DoubleSupplier;

/**
 * An ADS1115 whose four inputs carry probe voltages. Writing the config register with OS set converts the selected
 * single-ended input at the selected gain; the conversion finishes at once in device time, so OS reads back 1.
 * An unconnected or disconnected input floats to full scale.
 */
final class SimAds1115 implements SimI2cChip {

    private final DoubleSupplier[] inputs = new DoubleSupplier[4];
    private int pointer;
    private int config = 0x8583;
    private int conversion;

    void connect(int channel, DoubleSupplier volts) {
        if (inputs[channel] != null) {
            throw new IllegalArgumentException("two probes on ADS1115 input AIN" + channel);
        }
        inputs[channel] = volts;
    }

    /** Conversion code for a voltage: volts / LSB, saturating at the 16-bit limits. */
    static int code(double volts, Ads1115.Gain gain) {
        double lsb = gain.fullScaleVolts() / 32768.0;
        double code = Math.round(volts / lsb);
        return (int) Math.max(-32768, Math.min(32767, code));
    }

    @Override
    public synchronized void write(byte[] data) {
        pointer = data[0] & 0x03;
        if (data.length >= 3 && pointer == 1) {
            config = ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
            if ((config & 0x8000) != 0) {
                int channel = Ads1115.channelOf(config);
                Ads1115.Gain gain = Ads1115.Gain.ofBits((config >> 9) & 0b111);
                double volts = channel < 0 ? 0.0 : inputs[channel] == null ? Double.POSITIVE_INFINITY
                        : inputs[channel].getAsDouble();
                conversion = code(Math.max(0.0, volts), gain);
            }
        }
    }

    @Override
    public synchronized byte[] read(int length) {
        int word = pointer == 0 ? conversion : pointer == 1 ? config | 0x8000 : pointer == 2 ? 0x8000 : 0x7FFF;
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i % 2 == 0 ? word >> 8 : word);
        }
        return out;
    }
}
