package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.CO2;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import io.agrisense.edge.sensor.Scd41;
import io.agrisense.edge.sensor.SensirionCrc8;

/**
 * An SCD41 in device time: after start_periodic_measurement a sample is ready every 5 s; commands other than
 * read_measurement, get_data_ready_status and stop are refused while measuring, as the datasheet's §3.5 says.
 */
final class SimScd41 implements SimI2cChip {

    private static final long PERIOD_NANOS = 5_000_000_000L;

    private final SensorSignal signal;
    private final SimTiming timing;
    private final String label;
    private boolean periodic;
    private long startNanos;
    private long consumed;
    private byte[] response;

    SimScd41(SensorSignal signal, SimTiming timing, String label) {
        this.signal = signal;
        this.timing = timing;
        this.label = label;
    }

    private long sampleIndex() {
        return (timing.deviceNanos() - startNanos) / PERIOD_NANOS;
    }

    private boolean ready() {
        return periodic && sampleIndex() > consumed;
    }

    @Override
    public synchronized void write(byte[] data) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        int command = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        response = null;
        switch (command) {
            case Scd41.START_PERIODIC_MEASUREMENT -> {
                if (periodic) {
                    throw SimI2cChip.nack(label + " (already measuring)");
                }
                periodic = true;
                startNanos = timing.deviceNanos();
                consumed = 0;
            }
            case Scd41.STOP_PERIODIC_MEASUREMENT -> periodic = false;
            case Scd41.GET_DATA_READY_STATUS -> response = SensirionCrc8.frame(ready() ? 0x8006 : 0x8000);
            case Scd41.READ_MEASUREMENT -> {
                if (!ready()) {
                    return; // no new sample: the following read is not acknowledged
                }
                consumed = sampleIndex();
                double[] v = signal.sample(CO2, AIR_TEMPERATURE, RELATIVE_HUMIDITY);
                response = SensirionCrc8.frame(SimSht31.clamp16(Math.round(v[0])), SimSht31.rawTemperature(v[1]),
                        SimSht31.rawHumidity(v[2]));
            }
            default -> {
                if (periodic) {
                    throw SimI2cChip.nack(label + String.format(" (command 0x%04X refused while measuring)", command));
                }
            }
        }
    }

    @Override
    public synchronized byte[] read(int length) {
        if (signal.disconnected() || response == null) {
            throw SimI2cChip.nack(label + (response == null ? " (no response pending)" : ""));
        }
        byte[] out = new byte[length];
        System.arraycopy(response, 0, out, 0, Math.min(length, response.length));
        response = null;
        return out;
    }
}
