package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code state} of a station's retained status message ({@code agri/v1/<id>/status}). */
public enum StationStatus {
    ONLINE, OFFLINE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static StationStatus of(String text) {
        return WireNames.parse(StationStatus.class, text);
    }
}
