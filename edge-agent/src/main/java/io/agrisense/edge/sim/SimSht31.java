package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import io.agrisense.edge.sensor.SensirionCrc8;

/**
 * An SHT31: a single-shot command latches one measurement, the next read returns it with Sensirion CRCs, and a read
 * with nothing measured is not acknowledged (datasheet §4.3).
 */
final class SimSht31 implements SimI2cChip {

    private final SensorSignal signal;
    private final String label;
    private byte[] pending;

    SimSht31(SensorSignal signal, String label) {
        this.signal = signal;
        this.label = label;
    }

    /** Inverse of datasheet §4.13. */
    static int rawTemperature(double celsius) {
        return clamp16(Math.round((celsius + 45.0) * 65535.0 / 175.0));
    }

    static int rawHumidity(double relativeHumidity) {
        return clamp16(Math.round(relativeHumidity * 65535.0 / 100.0));
    }

    static int clamp16(long raw) {
        return (int) Math.max(0, Math.min(0xFFFF, raw));
    }

    @Override
    public synchronized void write(byte[] data) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        if (data.length < 2) {
            throw SimI2cChip.nack(label + " (incomplete command)");
        }
        int command = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        if ((command >> 8) == 0x24 || (command >> 8) == 0x2C) {
            double[] v = signal.sample(AIR_TEMPERATURE, RELATIVE_HUMIDITY);
            pending = SensirionCrc8.frame(rawTemperature(v[0]), rawHumidity(v[1]));
        } else if (command == 0x30A2) {
            pending = null; // soft reset
        }
    }

    @Override
    public synchronized byte[] read(int length) {
        if (signal.disconnected() || pending == null) {
            throw SimI2cChip.nack(label + (pending == null ? " (no measurement pending)" : ""));
        }
        byte[] out = new byte[length];
        System.arraycopy(pending, 0, out, 0, Math.min(length, pending.length));
        pending = null;
        return out;
    }
}
