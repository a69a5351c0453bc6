package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of the raise level is bad: above/below for thresholds, rising/falling for rates of change. */
public enum Direction {
    ABOVE, BELOW, RISING, FALLING;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Direction of(String text) {
        return WireNames.parse(Direction.class, text);
    }

    boolean forThreshold() {
        return this == ABOVE || this == BELOW;
    }
}
