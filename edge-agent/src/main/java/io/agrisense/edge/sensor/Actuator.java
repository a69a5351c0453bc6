package io.agrisense.edge.sensor;

/** A relay output (irrigation valve, pond aerator, fan); closing it returns it to its safe state. */
public interface Actuator extends AutoCloseable {

    String name();

    void set(boolean on);

    boolean isOn();

    @Override
    void close();
}
