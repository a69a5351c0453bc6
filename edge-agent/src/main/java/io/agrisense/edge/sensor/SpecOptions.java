package io.agrisense.edge.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the {@code options} of a sensor or actuator spec as parsed YAML. Every error is an
 * {@link IllegalArgumentException} naming the device, the field and what is wrong with it, e.g.
 * {@code sensor 'pond_ph' (ads1115): option 'calibration.points[1].volts' must be a number, got "high"}.
 * The driver factory and the simulation read options through this one class so they agree on names and defaults.
 */
public final class SpecOptions {

    private final String owner;
    private final String path;
    private final Map<String, Object> values;

    private SpecOptions(String owner, String path, Map<String, Object> values) {
        this.owner = owner;
        this.path = path;
        this.values = values;
    }

    public static SpecOptions of(SensorSpec spec) {
        return new SpecOptions("sensor '" + spec.name() + "' (" + spec.type() + ")", "", spec.options());
    }

    public static SpecOptions of(ActuatorSpec spec) {
        return new SpecOptions("actuator '" + spec.name() + "' (" + spec.type() + ")", "", spec.options());
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** The first of the given keys that is present, for options accepted in two spellings (activeLow, active_low). */
    public String spelling(String... keys) {
        for (String key : keys) {
            if (has(key)) {
                return key;
            }
        }
        return keys[0];
    }

    public IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException(owner + ": option '" + path + key + "' " + problem);
    }

    public int integer(String key, int defaultValue) {
        return has(key) ? requireInteger(key) : defaultValue;
    }

    public int requireInteger(String key) {
        Object value = require(key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        if (value instanceof String s) {
            try {
                String t = s.trim().toLowerCase(Locale.ROOT);
                return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw error(key, "must be a whole number, got " + describe(value));
    }

    /** A whole number within {@code [min, max]}; hexadecimal strings such as "0x76" are accepted. */
    public int integer(String key, int defaultValue, int min, int max) {
        int value = integer(key, defaultValue);
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public int requireInteger(String key, int min, int max) {
        int value = requireInteger(key);
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A 7-bit I2C address; int (118) or string ("0x76"). */
    public int i2cAddress(String key, int defaultValue) {
        int address = integer(key, defaultValue);
        if (address < 0x03 || address > 0x77) {
            throw error(key, "must be a 7-bit I2C address between 0x03 and 0x77, got " + describe(values.get(key)));
        }
        return address;
    }

    public double number(String key, double defaultValue) {
        return has(key) ? requireNumber(key) : defaultValue;
    }

    public OptionalNumber optionalNumber(String key) {
        return has(key) ? new OptionalNumber(true, requireNumber(key)) : new OptionalNumber(false, Double.NaN);
    }

    public double requireNumber(String key) {
        Object value = require(key);
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw error(key, "must be a number, got " + describe(value));
    }

    public double positiveNumber(String key, double defaultValue) {
        double value = Double.isNaN(defaultValue) ? requireNumber(key) : number(key, defaultValue);
        if (!(value > 0)) {
            throw error(key, "must be greater than 0, got " + value);
        }
        return value;
    }

    public String string(String key, String defaultValue) {
        return has(key) ? requireString(key) : defaultValue;
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(requireString(key)) : Optional.empty();
    }

    public String requireString(String key) {
        Object value = require(key);
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw error(key, "must be a non-empty string, got " + describe(value));
    }

    /** One of the allowed words, case-insensitive. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        if (defaultValue == null && !has(key)) {
            throw error(key, "is required, one of " + allowed);
        }
        String value = string(key, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw error(key, "must be one of " + allowed + ", got " + describe(values.get(key)));
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object value = values.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> {
                    return true;
                }
                case "false", "no", "off" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw error(key, "must be true or false, got " + describe(value));
    }

    /** A nested map such as {@code calibration}. */
    @SuppressWarnings("unchecked")
    public SpecOptions child(String key) {
        Object value = require(key);
        if (value instanceof Map<?, ?> map) {
            return new SpecOptions(owner, path + key + ".", (Map<String, Object>) map);
        }
        throw error(key, "must be a map of fields, got " + describe(value));
    }

    /** A list of maps such as {@code calibration.points}. */
    @SuppressWarnings("unchecked")
    public List<SpecOptions> children(String key) {
        Object value = require(key);
        if (!(value instanceof List<?> list)) {
            throw error(key, "must be a list, got " + describe(value));
        }
        List<SpecOptions> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = key + "[" + i + "]";
            if (!(item instanceof Map<?, ?> map)) {
                throw error(itemPath, "must be a map of fields, got " + describe(item));
            }
            result.add(new SpecOptions(owner, path + itemPath + ".", (Map<String, Object>) map));
        }
        return result;
    }

    /** A list of strings such as {@code metrics: [co2]}. */
    public List<String> strings(String key) {
        Object value = require(key);
        if (value instanceof String s) {
            return List.of(s.trim());
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw error(key, "must be a non-empty list of names, got " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw error(key, "must list names, got " + describe(item));
            }
            result.add(s.trim());
        }
        return List.copyOf(result);
    }

    private Object require(String key) {
        if (!has(key)) {
            throw error(key, "is required");
        }
        return values.get(key);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }

    /** A number that may be absent, without boxing. */
    public record OptionalNumber(boolean present, double value) {
    }
}
