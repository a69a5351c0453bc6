package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An alert rule as written in {@code alert-rules/*.yaml} and sent to the rules API: plain data, checked by
 * {@link RuleValidator}. Which fields apply depends on {@link #kind()}:
 * <ul>
 *   <li>threshold: metric, direction above|below, raise, optional clear (hysteresis), optional for</li>
 *   <li>rate_of_change: metric, direction rising|falling, raise (amount within window), optional clear, window, optional for</li>
 *   <li>no_data: metric (or "*" for every metric the station sends), timeout</li>
 *   <li>station_offline: optional timeout (missing heartbeat), optional for</li>
 * </ul>
 *
 * @param action a downlink command sent to the station when the alert fires, e.g.
 *               {@code {command: switch, actuator: aerator, state: "on", duration: 30min}} (the edge agent's format)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "description", "kind", "metric", "scope", "severity", "direction", "raise", "clear",
        "for", "window", "timeout", "action", "overrides", "enabled"})
public record RuleDefinition(
        String id,
        String name,
        String description,
        RuleKind kind,
        String metric,
        RuleScope scope,
        Severity severity,
        Direction direction,
        Double raise,
        Double clear,
        @JsonProperty("for") String forDuration,
        String window,
        String timeout,
        Map<String, Object> action,
        List<StationOverride> overrides,
        Boolean enabled) {

    /** The metric name a no_data rule uses for "every metric the station sends". */
    public static final String ANY_METRIC = "*";

    @JsonIgnore
    public RuleScope scopeOrAll() {
        return scope == null ? RuleScope.ALL : scope;
    }

    @JsonIgnore
    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    @JsonIgnore
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    @JsonIgnore
    public List<StationOverride> overridesOrEmpty() {
        return overrides == null ? List.of() : overrides;
    }
}
