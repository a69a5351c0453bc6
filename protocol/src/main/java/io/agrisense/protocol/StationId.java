package io.agrisense.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A station's identity as it appears in topics, CoAP paths and SenML base names.
 * The allowed alphabet keeps ids safe in MQTT topic levels, URL paths and file names.
 */
public record StationId(String value) implements Comparable<StationId> {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final String BASE_NAME_PREFIX = "urn:dev:agri:";

    public StationId {
        Objects.requireNonNull(value, "station id");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("station id '" + value + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    public static StationId of(String value) {
        return new StationId(value);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** The SenML base name for this station: {@code urn:dev:agri:<id>:}. */
    public String baseName() {
        return BASE_NAME_PREFIX + value + ":";
    }

    /**
     * Splits a resolved SenML name ({@code urn:dev:agri:<id>:<metric>}) into station and metric.
     *
     * @throws IllegalArgumentException naming what is wrong with the name
     */
    public static StationMetric splitResolvedName(String name) {
        if (name == null || !name.startsWith(BASE_NAME_PREFIX)) {
            throw new IllegalArgumentException("name '" + name + "' does not start with " + BASE_NAME_PREFIX);
        }
        int colon = name.indexOf(':', BASE_NAME_PREFIX.length());
        if (colon < 0) {
            throw new IllegalArgumentException("name '" + name + "' has no ':' after the station id");
        }
        String id = name.substring(BASE_NAME_PREFIX.length(), colon);
        if (!isValid(id)) {
            throw new IllegalArgumentException("name '" + name + "' carries an invalid station id '" + id + "'");
        }
        String metric = name.substring(colon + 1);
        if (metric.isEmpty()) {
            throw new IllegalArgumentException("name '" + name + "' has no measurement name after the station id");
        }
        return new StationMetric(new StationId(id), metric);
    }

    /** A resolved SenML name taken apart. */
    public record StationMetric(StationId station, String metric) {
    }

    @Override
    public int compareTo(StationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
