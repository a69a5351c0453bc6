package io.agrisense.edge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A YAML node that knows its field path, so that every problem it reports names the file and the field. */
final class ConfigNode {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final String source;
    private final String path;
    private final JsonNode node;

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    ConfigException problem(String what) {
        return new ConfigException(source, path, what);
    }

    ConfigException problemAt(String field, String what) {
        return new ConfigException(source, child(field), what);
    }

    private String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    ConfigNode object(String field) throws ConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw problemAt(field, "is required");
        }
        if (!v.isObject()) {
            throw problemAt(field, "must be a mapping of keys to values");
        }
        return new ConfigNode(source, child(field), v);
    }

    /** The entries of a list field; empty when the field is absent. */
    List<ConfigNode> list(String field) throws ConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problemAt(field, "must be a list");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = child(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ConfigException(source, itemPath, "must be a mapping of keys to values");
            }
            items.add(new ConfigNode(source, itemPath, item));
        }
        return items;
    }

    String string(String field) throws ConfigException {
        String s = optString(field, null);
        if (s == null || s.isBlank()) {
            throw problemAt(field, "is required");
        }
        return s;
    }

    String optString(String field, String fallback) throws ConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw problemAt(field, "must be a single value, not " + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }

    double number(String field) throws ConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw problemAt(field, "is required");
        }
        if (!v.isNumber()) {
            throw problemAt(field, "must be a number, not '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw problemAt(field, "must be a finite number");
        }
        return d;
    }

    double optNumber(String field, double fallback) throws ConfigException {
        return has(field) ? number(field) : fallback;
    }

    int optInt(String field, int fallback, int min, int max) throws ConfigException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw problemAt(field, "must be a whole number, not '" + v.asText() + "'");
        }
        int i = v.asInt();
        if (i < min || i > max) {
            throw problemAt(field, "must be between " + min + " and " + max + ", not " + i);
        }
        return i;
    }

    Duration duration(String field, Duration fallback, Duration min) throws ConfigException {
        String text = optString(field, null);
        if (text == null) {
            if (fallback == null) {
                throw problemAt(field, "is required");
            }
            return fallback;
        }
        Duration d;
        try {
            d = Quantities.duration(text);
        } catch (IllegalArgumentException e) {
            throw problemAt(field, e.getMessage());
        }
        if (d.compareTo(min) < 0) {
            throw problemAt(field, "must be at least " + Quantities.format(min) + ", not " + text);
        }
        return d;
    }

    long bytes(String field, long fallback, long min) throws ConfigException {
        String text = optString(field, null);
        if (text == null) {
            return fallback;
        }
        long b;
        try {
            b = Quantities.bytes(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw problemAt(field, e.getMessage());
        }
        if (b < min) {
            throw problemAt(field, "must be at least " + min + " bytes, not " + text);
        }
        return b;
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) throws ConfigException {
        String text = optString(field, null);
        if (text == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase());
        }
        throw problemAt(field, "must be one of " + allowed + ", not '" + text + "'");
    }

    /** Rejects keys other than {@code allowed}: a misspelt key would otherwise be silently ignored. */
    void onlyKeys(Set<String> allowed) throws ConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw problemAt(key, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    /** All entries except {@code excluded}, as plain Java values (String, Number, Boolean, List, Map). */
    Map<String, Object> remainingAsOptions(Set<String> excluded) {
        Map<String, Object> options = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!excluded.contains(e.getKey()) && !e.getValue().isNull()) {
                options.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class));
            }
        }
        return options;
    }

    /** The keys of a mapping field, each as a node; empty when absent. */
    Map<String, ConfigNode> entries(String field) throws ConfigException {
        if (!has(field)) {
            return Map.of();
        }
        ConfigNode obj = object(field);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = obj.node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isObject()) {
                throw obj.problemAt(e.getKey(), "must be a mapping of keys to values");
            }
            out.put(e.getKey(), new ConfigNode(source, obj.child(e.getKey()), e.getValue()));
        }
        return out;
    }
}
