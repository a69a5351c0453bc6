package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Lifecycle of an alert. PENDING is the engine's own evaluation state (condition true, for-duration not yet
 * elapsed): it produces no alert and no notification; an alert is born FIRING.
 */
public enum AlertState {
    PENDING, FIRING, ACKNOWLEDGED, RESOLVED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static AlertState of(String text) {
        return WireNames.parse(AlertState.class, text);
    }

    public boolean active() {
        return this == FIRING || this == ACKNOWLEDGED;
    }
}
