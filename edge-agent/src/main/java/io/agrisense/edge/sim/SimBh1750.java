package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.ILLUMINANCE;

/** A BH1750 answering its opcodes: power, MTreg (two writes), one-time and continuous H-resolution measurements. */
final class SimBh1750 implements SimI2cChip {

    private final SensorSignal signal;
    private final String label;
    private int mtreg = 69;
    private int result;

    SimBh1750(SensorSignal signal, String label) {
        this.signal = signal;
        this.label = label;
    }

    /** Counts for an illuminance: lx * 1.2 * MTreg / 69, saturating at 0xFFFF. */
    static int raw(double lux, int mtreg) {
        return (int) Math.max(0, Math.min(0xFFFF, Math.round(lux * 1.2 * mtreg / 69.0)));
    }

    @Override
    public synchronized void write(byte[] data) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        for (byte b : data) {
            int op = b & 0xFF;
            if ((op & 0xF8) == 0x40) {
                mtreg = (mtreg & 0x1F) | ((op & 0x07) << 5);
            } else if ((op & 0xE0) == 0x60) {
                mtreg = (mtreg & 0xE0) | (op & 0x1F);
            } else if (op == 0x07) {
                result = 0;
            } else if (op == 0x10 || op == 0x20) {
                result = raw(signal.sample(ILLUMINANCE)[0], mtreg);
            }
        }
    }

    @Override
    public synchronized byte[] read(int length) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        byte[] out = new byte[length];
        if (length >= 2) {
            out[0] = (byte) (result >> 8);
            out[1] = (byte) result;
        }
        return out;
    }
}
