package io.agrisense.config;

import java.util.Collection;
import java.util.TreeSet;

/**
 * How a {@link ConfigNode} words its problems. The station and gateway files say
 * {@code station.yaml: sensors[1].interval: 'often' is not a duration...}; the platform's file speaks of settings,
 * {@code platform.yaml: setting http.port must be a whole number}. Operators' notes and the tests quote both.
 */
public enum Wording {
    FIELD, SETTING;

    ConfigException problem(String source, String field, String what) {
        if (this == FIELD || field.isEmpty()) {
            return new ConfigException(source, field, what);
        }
        return new ConfigException(source, field, what, source + ": setting " + field + " " + what);
    }

    ConfigException notYaml(String source, String detail) {
        String what = "not valid YAML: " + detail;
        return this == FIELD ? problem(source, "", what) : new ConfigException(source, "", what, source + " is " + what);
    }

    ConfigException notAMapping(String source, String field) {
        return this == FIELD ? problem(source, field, "must be a mapping of keys to values")
                : new ConfigException(source, field, "must be a mapping",
                        source + ": '" + (field.isEmpty() ? "(top level)" : field) + "' must be a mapping");
    }

    /** {@code expected} in the order to show: sorted for the station files, as declared for the platform's. */
    ConfigException unknownKey(String source, String path, String field, Collection<String> expected) {
        if (this == FIELD) {
            return problem(source, field, "unknown key; expected one of " + new TreeSet<>(expected));
        }
        return new ConfigException(source, field, "unknown setting", source + ": unknown setting " + field + " (known"
                + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", expected) + ")");
    }

    String notWhole(String text) {
        return this == FIELD ? "must be a whole number, not '" + text + "'" : "must be a whole number";
    }

    String outOfRange(long min, long max, long value) {
        return "must be between " + min + " and " + max + (this == FIELD ? ", not " : ", got ") + value;
    }
}
