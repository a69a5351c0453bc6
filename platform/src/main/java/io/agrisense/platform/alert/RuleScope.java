package io.agrisense.platform.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.agrisense.protocol.StationId;
import java.util.Objects;

/**
 * Which stations a rule watches: one station, every station of a profile, or all (both null). In YAML:
 * {@code scope: {profile: crayfish_pond}}, {@code scope: {station: pond-3}} or {@code scope: all}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleScope(String station, String profile) {

    public static final RuleScope ALL = new RuleScope(null, null);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RuleScope(@JsonProperty("station") String station, @JsonProperty("profile") String profile) {
        this.station = station;
        this.profile = profile;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RuleScope of(String text) {
        if ("all".equalsIgnoreCase(text == null ? null : text.trim())) {
            return ALL;
        }
        throw new IllegalArgumentException("'" + text + "' is not a scope: write all, {station: <id>} or {profile: <name>}");
    }

    public static RuleScope station(String id) {
        return new RuleScope(id, null);
    }

    public static RuleScope profile(String name) {
        return new RuleScope(null, name);
    }

    @JsonIgnore
    public boolean isAll() {
        return station == null && profile == null;
    }

    public boolean matches(StationId id, String stationProfile) {
        if (station != null) {
            return station.equals(id.value());
        }
        if (profile != null) {
            return Objects.equals(profile, stationProfile);
        }
        return true;
    }
}
