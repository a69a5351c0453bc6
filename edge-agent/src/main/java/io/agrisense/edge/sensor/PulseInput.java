package io.agrisense.edge.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GPIO input wired to a switch (reed contact of a rain gauge or anemometer), counted through a {@link PulseCounter}
 * from Pi4J state-change events. With the pull-up (the usual wiring: switch between the pin and GND) a closure pulls
 * the line low; with the pull-down it drives it high.
 */
final class PulseInput implements AutoCloseable {

    private static final AtomicLong IDS = new AtomicLong();

    private final Context pi4j;
    private final String label;
    private final int pin;
    private final boolean pullUp;
    private final long debounceNanos;
    private final DeviceTiming timing;
    private final PulseCounter counter;
    private final DigitalStateChangeListener listener;
    private DigitalInput input;
    private RuntimeException openFailure;

    PulseInput(Context pi4j, String label, int pin, boolean pullUp, long debounceNanos, DeviceTiming timing) {
        this.pi4j = pi4j;
        this.label = label + " on GPIO " + pin;
        this.pin = pin;
        this.pullUp = pullUp;
        this.debounceNanos = debounceNanos;
        this.timing = timing;
        this.counter = new PulseCounter(debounceNanos, timing.nanoTime());
        DigitalState active = pullUp ? DigitalState.LOW : DigitalState.HIGH;
        this.listener = event -> counter.edge(event.state() == active, timing.nanoTime());
        open();
    }

    String label() {
        return label;
    }

    /** Pulses since the previous call; the counting started when this input was created. */
    synchronized PulseCounter.Interval drain() throws SensorException {
        if (input == null && !open()) {
            throw new SensorException(label + ": cannot open the GPIO input: " + openFailure.getMessage(), openFailure);
        }
        return counter.drain(timing.nanoTime());
    }

    private synchronized boolean open() {
        try {
            input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id("agrisense-gpio-in-" + IDS.incrementAndGet())
                    .name(label)
                    .address(pin)
                    .pull(pullUp ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                    .debounce(Math.max(1, debounceNanos / 1000), TimeUnit.MICROSECONDS)
                    .build());
            input.addListener(listener);
            counter.drain(timing.nanoTime()); // count from the moment the input listens
            return true;
        } catch (RuntimeException e) {
            openFailure = e;
            input = null;
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (input != null) {
            try {
                input.removeListener(listener);
                pi4j.shutdown(input.id());
            } catch (RuntimeException e) {
                // already shut down with the context
            }
            input = null;
        }
    }
}
