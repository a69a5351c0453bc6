package io.agrisense.edge.sim;

import com.pi4j.io.gpio.digital.DigitalState;
import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.SpecOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loads wired to the station's relays: turns GPIO output levels (through each relay's activeLow) into loads
 * switched in the model. Two relays on one kind of load (two barn fans) keep it running while either is on.
 */
final class RelayBoard {

    private static final class Relay {
        final Load load;
        final boolean activeLow;
        boolean on;

        Relay(Load load, boolean activeLow) {
            this.load = load;
            this.activeLow = activeLow;
        }
    }

    private final EnvironmentModel model;
    private final Map<Integer, Relay> byPin = new HashMap<>();

    RelayBoard(EnvironmentModel model, List<ActuatorSpec> actuators) {
        this.model = model;
        for (ActuatorSpec spec : actuators) {
            SpecOptions o = SpecOptions.of(spec);
            int pin = o.requireInteger("pin", 0, 27);
            Relay relay = new Relay(Load.of(spec), o.bool(o.spelling("activeLow", "active_low"), false));
            if (byPin.put(pin, relay) != null) {
                throw new IllegalArgumentException("two relays on GPIO " + pin);
            }
        }
    }

    synchronized void level(int pin, DigitalState level) {
        Relay relay = byPin.get(pin);
        if (relay == null || relay.load == Load.OTHER) {
            return;
        }
        relay.on = level == (relay.activeLow ? DigitalState.LOW : DigitalState.HIGH);
        boolean anyOn = byPin.values().stream().anyMatch(r -> r.load == relay.load && r.on);
        model.switchLoad(relay.load, anyOn);
    }
}
