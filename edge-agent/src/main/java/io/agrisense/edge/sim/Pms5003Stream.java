package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.PM10;
import static io.agrisense.protocol.MetricCatalogue.PM1_0;
import static io.agrisense.protocol.MetricCatalogue.PM2_5;

import io.agrisense.edge.sensor.Pms5003Frame;

/**
 * The bytes a PMS5003 in active mode puts on the UART: one 32-byte frame per second, each byte taking 1.04 ms at
 * 9600 baud, computed lazily from device time. The port sees only what arrived since it was opened (so the first
 * bytes are usually the tail of a frame) and keeps at most a kernel-sized buffer of the newest bytes.
 */
final class Pms5003Stream {

    static final long FRAME_PERIOD_NANOS = 1_000_000_000L;
    static final long BYTE_NANOS = 1_041_667L; // 10 bits per byte at 9600 baud
    static final int BUFFER = 4095;

    private final SensorSignal signal;
    private final SimTiming timing;
    private final long phaseNanos;
    private long consumed;
    private long cachedFrame = -1;
    private byte[] frame;

    Pms5003Stream(SensorSignal signal, SimTiming timing, long phaseNanos) {
        this.signal = signal;
        this.timing = timing;
        this.phaseNanos = phaseNanos;
    }

    /** Frame bytes for modelled concentrations: standard-particle and atmospheric values alike, counts per 0.1 L. */
    static byte[] frame(double pm1, double pm25, double pm10) {
        int a = word(pm1);
        int b = word(pm25);
        int c = word(pm10);
        int[] data = {a, b, c, a, b, c, word(pm25 * 60 + 300), word(pm25 * 18 + 90), word(pm25 * 3 + 10),
            word(pm25 * 0.4), word(pm10 * 0.05), word(pm10 * 0.01), 0x9700};
        return new Pms5003Frame(data).encode();
    }

    private static int word(double value) {
        return (int) Math.max(0, Math.min(0xFFFF, Math.round(value)));
    }

    /** Bytes sent since device time 0. */
    private long emitted(long now) {
        if (now < phaseNanos) {
            return 0;
        }
        long frames = (now - phaseNanos) / FRAME_PERIOD_NANOS;
        long into = (now - phaseNanos) % FRAME_PERIOD_NANOS;
        return frames * Pms5003Frame.LENGTH + Math.min(Pms5003Frame.LENGTH, into / BYTE_NANOS);
    }

    synchronized void open() {
        consumed = emitted(timing.deviceNanos());
    }

    synchronized int available() {
        long sent = emitted(timing.deviceNanos());
        if (signal.disconnected()) {
            consumed = sent; // nothing arrives while the sensor is unplugged
            return 0;
        }
        if (sent - consumed > BUFFER) {
            consumed = sent - BUFFER;
        }
        return (int) (sent - consumed);
    }

    synchronized int read(byte[] buffer, int offset, int length) {
        int n = Math.min(length, available());
        for (int i = 0; i < n; i++) {
            long frameIndex = consumed / Pms5003Frame.LENGTH;
            if (frameIndex != cachedFrame) {
                double[] v = signal.sample(PM1_0, PM2_5, PM10);
                frame = frame(v[0], v[1], v[2]);
                cachedFrame = frameIndex;
            }
            buffer[offset + i] = frame[(int) (consumed % Pms5003Frame.LENGTH)];
            consumed++;
        }
        return n;
    }
}
