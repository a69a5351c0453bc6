package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Severity of(String text) {
        return WireNames.parse(Severity.class, text);
    }
}
