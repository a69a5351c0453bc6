package io.agrisense.edge.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One chip on an I2C bus, opened through Pi4J on first use. Every Pi4J failure and every short transfer becomes a
 * {@link SensorException} that names the chip, bus and address, so an operator reading the health report knows
 * which wire to check.
 */
final class I2cDevice implements AutoCloseable {

    private static final AtomicLong IDS = new AtomicLong();

    private final Context pi4j;
    private final String label;
    private final int bus;
    private final int address;
    private I2C i2c;

    I2cDevice(Context pi4j, String chip, String sensorName, int bus, int address) {
        this.pi4j = pi4j;
        this.bus = bus;
        this.address = address;
        this.label = chip + (sensorName == null ? "" : " '" + sensorName + "'") + " on I2C bus " + bus + " address "
                + hex(address);
    }

    static String hex(int address) {
        return String.format("0x%02X", address);
    }

    String label() {
        return label;
    }

    synchronized void write(byte... data) throws SensorException {
        int written;
        try {
            written = open().write(data, 0, data.length);
        } catch (RuntimeException e) {
            throw failure("write failed", e);
        }
        if (written != data.length) {
            throw new SensorException(label + ": short write (" + written + " of " + data.length + " bytes)");
        }
    }

    synchronized byte[] read(int length) throws SensorException {
        byte[] buffer = new byte[length];
        int read;
        try {
            read = open().read(buffer, 0, length);
        } catch (RuntimeException e) {
            throw failure("read failed", e);
        }
        if (read != length) {
            throw new SensorException(label + ": short read (" + read + " of " + length + " bytes)");
        }
        return buffer;
    }

    synchronized byte[] readRegister(int register, int length) throws SensorException {
        byte[] buffer = new byte[length];
        int read;
        try {
            read = open().readRegister(register, buffer, 0, length);
        } catch (RuntimeException e) {
            throw failure("read of register " + hex(register) + " failed", e);
        }
        if (read != length) {
            throw new SensorException(label + ": short read of register " + hex(register) + " (" + read + " of "
                    + length + " bytes)");
        }
        return buffer;
    }

    synchronized void writeRegister(int register, byte... data) throws SensorException {
        int written;
        try {
            written = open().writeRegister(register, data, 0, data.length);
        } catch (RuntimeException e) {
            throw failure("write of register " + hex(register) + " failed", e);
        }
        if (written < 0) {
            throw new SensorException(label + ": write of register " + hex(register) + " failed (" + written + ")");
        }
    }

    private I2C open() throws SensorException {
        if (i2c == null) {
            try {
                i2c = pi4j.create(I2C.newConfigBuilder(pi4j)
                        .id("agrisense-i2c-" + IDS.incrementAndGet())
                        .name(label)
                        .bus(bus)
                        .device(address)
                        .build());
            } catch (RuntimeException e) {
                throw failure("cannot open the bus", e);
            }
        }
        return i2c;
    }

    private SensorException failure(String what, RuntimeException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SensorException(label + ": " + what + ": " + detail
                + " (check wiring, power and the address; 'i2cdetect -y " + bus + "' lists the chips the Pi sees)", cause);
    }

    @Override
    public synchronized void close() {
        if (i2c != null) {
            try {
                pi4j.shutdown(i2c.id());
            } catch (RuntimeException e) {
                // already shut down with the context
            }
            i2c = null;
        }
    }
}
