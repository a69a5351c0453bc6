package io.agrisense.edge.sensor;

/** A sensor could not produce a trustworthy value: I/O error, bad CRC, disconnected, implausible raw frame. */
public class SensorException extends Exception {

    private static final long serialVersionUID = 1L;

    public SensorException(String message) {
        super(message);
    }

    public SensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
