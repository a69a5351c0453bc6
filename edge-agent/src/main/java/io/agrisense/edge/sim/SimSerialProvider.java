package io.agrisense.edge.sim;

import com.pi4j.io.serial.Serial;
import com.pi4j.io.serial.SerialBase;
import com.pi4j.io.serial.SerialConfig;
import com.pi4j.io.serial.SerialProvider;
import com.pi4j.io.serial.SerialProviderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pi4J serial provider whose ports are simulated PMS5003 streams; any other device does not exist. */
final class SimSerialProvider extends SerialProviderBase {

    private final Map<String, Pms5003Stream> streams = new ConcurrentHashMap<>();

    SimSerialProvider() {
        super("agrisense-sim-serial", "AgriSense simulated serial ports");
    }

    void attach(String device, Pms5003Stream stream) {
        if (streams.putIfAbsent(device, stream) != null) {
            throw new IllegalArgumentException("two simulated sensors on serial device " + device);
        }
    }

    @Override
    public Serial create(SerialConfig config) {
        Pms5003Stream stream = streams.get(config.device());
        if (stream == null) {
            throw new com.pi4j.io.exception.IOException("cannot open " + config.device() + ": No such file or directory");
        }
        SimSerial serial = new SimSerial(this, config, stream);
        context.registry().add(serial);
        return serial;
    }

    private static final class SimSerial extends SerialBase {

        private final Pms5003Stream stream;

        SimSerial(SerialProvider provider, SerialConfig config, Pms5003Stream stream) {
            super(provider, config);
            this.stream = stream;
            stream.open();
            isOpen = true;
        }

        @Override
        public int available() {
            return stream.available();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return stream.read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return stream.read(buffer, offset, length);
        }

        @Override
        public int write(byte b) {
            return 1; // commands to the sensor (sleep, passive mode) are not simulated
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            return length;
        }
    }
}
