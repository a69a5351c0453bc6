package io.agrisense.edge.sensor;

import java.util.List;

/** A sensor on the station. A failed read throws: a sensor never invents a value. */
public interface Sensor extends AutoCloseable {

    /** The sensor's name from the station YAML. */
    String name();

    /** Takes one sample. */
    List<SensorReading> read() throws SensorException;

    @Override
    default void close() {
    }
}
