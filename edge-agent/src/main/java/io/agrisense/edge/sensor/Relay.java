package io.agrisense.edge.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relay on a GPIO output. Most relay boards for the Pi switch on when the input is pulled low ({@code activeLow}).
 * The output starts in the safe state, Pi4J drives it back there when the context shuts down, and {@link #close()}
 * does so explicitly.
 */
public final class Relay implements Actuator {

    private static final AtomicLong IDS = new AtomicLong();

    private final String name;
    private final Context pi4j;
    private final int pin;
    private final boolean activeLow;
    private final boolean safeOn;
    private final DigitalOutput output;
    private boolean on;

    public Relay(String name, Context pi4j, int pin, boolean activeLow, boolean safeOn) {
        this.name = name;
        this.pi4j = pi4j;
        this.pin = pin;
        this.activeLow = activeLow;
        this.safeOn = safeOn;
        try {
            this.output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id("agrisense-relay-" + IDS.incrementAndGet())
                    .name("relay '" + name + "'")
                    .address(pin)
                    .initial(level(safeOn, activeLow))
                    .shutdown(level(safeOn, activeLow))
                    .build());
            this.output.state(level(safeOn, activeLow));
        } catch (RuntimeException e) {
            throw new IllegalStateException(describe() + ": cannot open the GPIO output: " + e.getMessage(), e);
        }
        this.on = safeOn;
    }

    /** The pin level that puts the load in the given state. */
    public static DigitalState level(boolean on, boolean activeLow) {
        return on != activeLow ? DigitalState.HIGH : DigitalState.LOW;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void set(boolean on) {
        try {
            output.state(level(on, activeLow));
        } catch (RuntimeException e) {
            throw new IllegalStateException(describe() + ": cannot switch " + (on ? "on" : "off") + ": "
                    + e.getMessage(), e);
        }
        this.on = on;
    }

    @Override
    public synchronized boolean isOn() {
        return on;
    }

    @Override
    public synchronized void close() {
        try {
            output.state(level(safeOn, activeLow));
            on = safeOn;
        } finally {
            try {
                pi4j.shutdown(output.id());
            } catch (RuntimeException e) {
                // already shut down with the context
            }
        }
    }

    private String describe() {
        return "relay '" + name + "' on GPIO " + pin + (activeLow ? " (active low)" : "");
    }
}
