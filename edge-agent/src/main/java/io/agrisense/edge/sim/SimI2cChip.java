package io.agrisense.edge.sim;

/**
 * A simulated I2C slave, seen as the bus sees it: a write transaction (register pointer and data, or a command) and
 * a read transaction. A chip that does not acknowledge throws {@link com.pi4j.io.exception.IOException}, as Pi4J's
 * Linux provider does for a NACK.
 */
interface SimI2cChip {

    void write(byte[] data);

    byte[] read(int length);

    static com.pi4j.io.exception.IOException nack(String what) {
        return new com.pi4j.io.exception.IOException(what + ": Remote I/O error (no acknowledge)");
    }
}
