package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.PM10;
import static io.agrisense.protocol.MetricCatalogue.PM1_0;
import static io.agrisense.protocol.MetricCatalogue.PM2_5;

import com.pi4j.context.Context;
import com.pi4j.io.serial.Serial;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plantower PMS5003 particulate sensor on a UART (9600 baud 8N1) in its default active mode, where it sends a frame
 * every 200..2300 ms. A read discards what queued up since the previous read and returns the first valid frame
 * that follows, so the value is never minutes old.
 */
public final class Pms5003 implements Sensor {

    public static final String DEFAULT_DEVICE = "/dev/serial0";
    private static final AtomicLong IDS = new AtomicLong();
    private static final Duration POLL = Duration.ofMillis(100);
    /** Longer than the slowest frame interval (2.3 s in the manual) plus one frame time. */
    private static final int MAX_POLLS = 30;

    private final String name;
    private final Context pi4j;
    private final String device;
    private final DeviceTiming timing;
    private final String label;
    private final Pms5003FrameReader reader = new Pms5003FrameReader();
    private final byte[] chunk = new byte[256];
    private Serial serial;

    public record Measurement(int pm1, int pm25, int pm10) {
    }

    public Pms5003(String name, Context pi4j, String device, DeviceTiming timing) {
        this.name = name;
        this.pi4j = pi4j;
        this.device = device;
        this.timing = timing;
        this.label = "PMS5003 '" + name + "' on " + device;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Measurement m = measure();
        return List.of(new SensorReading(PM1_0, m.pm1()),
                new SensorReading(PM2_5, m.pm25()),
                new SensorReading(PM10, m.pm10()));
    }

    public synchronized Measurement measure() throws SensorException {
        Serial port = open();
        long received = 0;
        long checksumErrorsBefore = reader.checksumErrors();
        try {
            discardQueued(port);
            for (int poll = 0; poll <= MAX_POLLS; poll++) {
                int available = port.available();
                while (available > 0) {
                    int n = port.read(chunk, 0, Math.min(chunk.length, available));
                    if (n <= 0) {
                        break;
                    }
                    received += n;
                    List<Pms5003Frame> frames = reader.feed(chunk, 0, n);
                    if (!frames.isEmpty()) {
                        Pms5003Frame f = frames.get(0);
                        return new Measurement(f.pm1Atmospheric(), f.pm25Atmospheric(), f.pm10Atmospheric());
                    }
                    available = port.available();
                }
                DeviceTiming.pause(timing, POLL, "a PMS5003 frame");
            }
        } catch (RuntimeException e) {
            closePort();
            throw new SensorException(label + ": serial I/O failed: " + e.getMessage(), e);
        }
        throw new SensorException(label + ": no valid frame within " + POLL.multipliedBy(MAX_POLLS).toMillis()
                + " ms (" + received + " bytes received, " + (reader.checksumErrors() - checksumErrorsBefore)
                + " check-code errors)" + (received == 0 ? ": sensor unpowered, asleep (SET pin low) or TX not wired to RXD" : ""));
    }

    private void discardQueued(Serial port) {
        int available = port.available();
        while (available > 0) {
            int n = port.read(chunk, 0, Math.min(chunk.length, available));
            if (n <= 0) {
                break;
            }
            available = port.available();
        }
        reader.reset();
    }

    private Serial open() throws SensorException {
        if (serial == null) {
            try {
                serial = pi4j.create(Serial.newConfigBuilder(pi4j)
                        .id("agrisense-serial-" + IDS.incrementAndGet())
                        .name(label)
                        .device(device)
                        .use_9600_N81()
                        .build());
                if (!serial.isOpen()) {
                    serial.open();
                }
            } catch (RuntimeException e) {
                closePort();
                throw new SensorException(label + ": cannot open the serial port: " + e.getMessage()
                        + " (enable the UART and disable the serial console in raspi-config)", e);
            }
        }
        return serial;
    }

    private void closePort() {
        if (serial != null) {
            try {
                pi4j.shutdown(serial.id());
            } catch (RuntimeException e) {
                // already gone
            }
            serial = null;
        }
    }

    @Override
    public synchronized void close() {
        closePort();
    }
}
