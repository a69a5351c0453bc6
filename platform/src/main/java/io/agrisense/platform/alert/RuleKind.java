package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a rule watches. Rules on derived series (dew_point, thi, aqi_cn...) are ordinary metric rules. */
public enum RuleKind {
    /** A metric beyond a level, with hysteresis (separate clear level) and an optional for-duration. */
    THRESHOLD,
    /** A metric moving by more than an amount within a time window (water level rising 0.3 m in 1 h). */
    RATE_OF_CHANGE,
    /** No reading of a metric (or of any metric, "*") from a station for a time. */
    NO_DATA,
    /** A station that reported itself offline (Last Will) or sent nothing for a time. */
    STATION_OFFLINE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static RuleKind of(String text) {
        return WireNames.parse(RuleKind.class, text);
    }
}
