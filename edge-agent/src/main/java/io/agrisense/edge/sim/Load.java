package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.ActuatorSpec;
import io.agrisense.edge.sensor.DeviceFactory;
import java.util.Locale;

/** What a relay drives, as far as the environment model is concerned. */
public enum Load {
    AERATOR, VALVE, FAN, OTHER;

    /** From the relay's {@code load} option, or guessed from its name (pond_aerator, irrigation_valve, barn_fan). */
    static Load of(ActuatorSpec spec) {
        String option = DeviceFactory.relayLoad(spec);
        if (!option.equals("other") || spec.options().containsKey("load")) {
            return valueOf(option.toUpperCase(Locale.ROOT));
        }
        String name = spec.name().toLowerCase(Locale.ROOT);
        if (name.contains("aerat") || name.contains("oxygen")) {
            return AERATOR;
        }
        if (name.contains("valve") || name.contains("irrigat") || name.contains("sprinkl") || name.contains("pump")) {
            return VALVE;
        }
        if (name.contains("fan") || name.contains("vent")) {
            return FAN;
        }
        return OTHER;
    }
}
