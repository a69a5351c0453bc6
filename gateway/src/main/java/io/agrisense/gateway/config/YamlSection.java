package io.agrisense.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.agrisense.edge.config.ConfigException;
import io.agrisense.edge.config.Quantities;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One mapping of the gateway YAML with its field path, so that every problem names the file and the field. */
final class YamlSection {

    private final String source;
    private final String path;
    private final JsonNode node;

    YamlSection(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException problem(String key, String what) {
        return new ConfigException(source, key == null ? path : field(key), what);
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The mapping under {@code key}; an empty one when absent. */
    YamlSection section(String key) throws ConfigException {
        JsonNode v = node.get(key);
        if (v != null && !v.isNull() && !v.isObject()) {
            throw problem(key, "must be a mapping of keys to values");
        }
        return new YamlSection(source, field(key), v == null || v.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : v);
    }

    /** Rejects keys other than {@code allowed}: a misspelt key would otherwise be silently ignored. */
    void onlyKeys(Set<String> allowed) throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw problem(key, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    String text(String key, String fallback) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw problem(key, "must be a single value, not a " + v.getNodeType().name().toLowerCase());
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw problem(key, "must not be empty");
        }
        return s;
    }

    int integer(String key, int fallback, int min, int max) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw problem(key, "must be a whole number, not '" + v.asText() + "'");
        }
        if (v.asInt() < min || v.asInt() > max) {
            throw problem(key, "must be between " + min + " and " + max + ", not " + v.asInt());
        }
        return v.asInt();
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw problem(key, "must be true or false, not '" + v.asText() + "'");
        }
        return v.asBoolean();
    }

    /** A size such as {@code 64MiB} or {@code 4096}. */
    long bytes(String key, long fallback, long min, long max) throws ConfigException {
        String text = text(key, null);
        if (text == null) {
            return fallback;
        }
        long b;
        try {
            b = Quantities.bytes(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw problem(key, e.getMessage());
        }
        if (b < min || b > max) {
            throw problem(key, "must be between " + min + " and " + max + " bytes, not " + text);
        }
        return b;
    }

    /** A duration such as {@code 60s} or {@code 5min}. */
    Duration duration(String key, Duration fallback, Duration min) throws ConfigException {
        String text = text(key, null);
        if (text == null) {
            return fallback;
        }
        Duration d;
        try {
            d = Quantities.duration(text);
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
        if (d.compareTo(min) < 0) {
            throw problem(key, "must be at least " + Quantities.format(min) + ", not " + text);
        }
        return d;
    }

    /** The scalar entries of a mapping field, as text; empty when absent. */
    Map<String, String> textMap(String key) throws ConfigException {
        YamlSection s = section(key);
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = s.node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.put(e.getKey(), s.text(e.getKey(), null));
            if (out.get(e.getKey()) == null) {
                throw s.problem(e.getKey(), "is empty");
            }
        }
        return out;
    }
}
