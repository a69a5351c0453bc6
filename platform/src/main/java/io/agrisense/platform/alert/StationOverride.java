package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Per-station changes to a rule, e.g. a lower raise level for pond-3 whose aerator is stronger. Null fields
 * keep the rule's value; {@code enabled: false} mutes the rule for that station.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"station", "enabled", "severity", "raise", "clear", "for", "window", "timeout"})
public record StationOverride(String station, Boolean enabled, Severity severity, Double raise, Double clear,
                              @JsonProperty("for") String forDuration, String window, String timeout) {

    public static StationOverride levels(String station, Double raise, Double clear) {
        return new StationOverride(station, null, null, raise, clear, null, null, null);
    }
}
