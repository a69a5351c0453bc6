package io.agrisense.edge.sim;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/** Pi4J I2C provider whose buses hold simulated chips; an address without a chip never acknowledges. */
final class SimI2CProvider extends I2CProviderBase {

    private final Map<Integer, SimI2cChip> chips = new ConcurrentHashMap<>();

    SimI2CProvider() {
        super("agrisense-sim-i2c", "AgriSense simulated I2C");
    }

    void attach(int bus, int address, SimI2cChip chip) {
        if (chips.putIfAbsent(key(bus, address), chip) != null) {
            throw new IllegalArgumentException("two simulated chips at I2C bus " + bus + " address "
                    + String.format("0x%02X", address));
        }
    }

    SimI2cChip chip(int bus, int address) {
        return chips.get(key(bus, address));
    }

    private static int key(int bus, int address) {
        return bus << 8 | address;
    }

    @Override
    public I2C create(I2CConfig config) {
        SimI2C i2c = new SimI2C(this, config);
        context.registry().add(i2c);
        return i2c;
    }

    private static final class Bus extends I2CBusBase {
        Bus(I2CConfig config) {
            super(config);
        }

        @Override
        public <R> R execute(I2C i2c, Callable<R> action) {
            return _execute(i2c, action);
        }
    }

    /** One opened device handle: every transfer goes to the chip at the handle's bus and address. */
    private static final class SimI2C extends I2CBase<Bus> {

        private final SimI2CProvider chips;

        SimI2C(SimI2CProvider provider, I2CConfig config) {
            super(provider, config, new Bus(config));
            this.chips = provider;
        }

        private SimI2cChip chip() {
            SimI2cChip chip = chips.chip(config.bus(), config.device());
            if (chip == null) {
                throw SimI2cChip.nack(String.format("I2C bus %d address 0x%02X", config.bus(), config.device()));
            }
            return chip;
        }

        @Override
        public int read() {
            return chip().read(1)[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] data = chip().read(length);
            System.arraycopy(data, 0, buffer, offset, length);
            return length;
        }

        @Override
        public int write(byte b) {
            chip().write(new byte[] {b});
            return 1;
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            byte[] copy = new byte[length];
            System.arraycopy(data, offset, copy, 0, length);
            chip().write(copy);
            return length;
        }

        @Override
        public int readRegister(int register) {
            SimI2cChip chip = chip();
            chip.write(new byte[] {(byte) register});
            return chip.read(1)[0] & 0xFF;
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            SimI2cChip chip = chip();
            chip.write(new byte[] {(byte) register});
            System.arraycopy(chip.read(length), 0, buffer, offset, length);
            return length;
        }

        @Override
        public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
            SimI2cChip chip = chip();
            chip.write(register.clone());
            System.arraycopy(chip.read(length), 0, buffer, offset, length);
            return length;
        }

        @Override
        public int writeRegister(int register, byte b) {
            chip().write(new byte[] {(byte) register, b});
            return 1;
        }

        @Override
        public int writeRegister(int register, byte[] data, int offset, int length) {
            byte[] frame = new byte[length + 1];
            frame[0] = (byte) register;
            System.arraycopy(data, offset, frame, 1, length);
            chip().write(frame);
            return length;
        }

        @Override
        public int writeRegister(byte[] register, byte[] data, int offset, int length) {
            byte[] frame = new byte[register.length + length];
            System.arraycopy(register, 0, frame, 0, register.length);
            System.arraycopy(data, offset, frame, register.length, length);
            chip().write(frame);
            return length;
        }
    }
}
