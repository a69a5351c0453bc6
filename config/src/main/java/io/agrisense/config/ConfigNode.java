package io.agrisense.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of a YAML file that knows its field path, so that every problem it reports names the file and the
 * field ({@code sensors[1].interval}). The agent's, the gateway's and the platform's loaders all walk their files
 * with it: typed getters with defaults and bounds, durations and sizes ({@link Quantities}), and {@link #onlyKeys}
 * so a misspelt key is an error instead of a silently ignored line.
 */
public final class ConfigNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final String source;
    private final String path;
    private final JsonNode node;
    private final Wording wording;

    private ConfigNode(String source, String path, JsonNode node, Wording wording) throws ConfigException {
        if (!node.isObject()) {
            throw wording.notAMapping(source, path);
        }
        this.source = source;
        this.path = path;
        this.node = node;
        this.wording = wording;
    }

    /** The top mapping of a YAML document; an empty document is an empty mapping. */
    public static ConfigNode parse(String yaml, String source, Wording wording) throws ConfigException {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw wording.notYaml(source, e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        return new ConfigNode(source, "", absent(root) ? JsonNodeFactory.instance.objectNode() : root, wording);
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    /** The path of one of this mapping's keys, e.g. {@code coap.port}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A problem with this whole mapping. */
    public ConfigException problem(String what) {
        return wording.problem(source, path, what);
    }

    /** A problem with one key of this mapping. */
    public ConfigException problemAt(String key, String what) {
        return wording.problem(source, field(key), what);
    }

    public boolean has(String key) {
        return !absent(node.get(key));
    }

    /** Rejects keys other than {@code expected}: a misspelt key would otherwise be silently ignored. */
    public void onlyKeys(String... expected) throws ConfigException {
        onlyKeys(List.of(expected));
    }

    public void onlyKeys(Collection<String> expected) throws ConfigException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!expected.contains(key)) {
                throw wording.unknownKey(source, path, field(key), expected);
            }
        }
    }

    /** The mapping under {@code key}, which must be there. */
    public ConfigNode object(String key) throws ConfigException {
        if (!has(key)) {
            throw problemAt(key, "is required");
        }
        return section(key);
    }

    /** The mapping under {@code key}; an empty one when absent. */
    public ConfigNode section(String key) throws ConfigException {
        JsonNode v = node.get(key);
        return new ConfigNode(source, field(key), absent(v) ? JsonNodeFactory.instance.objectNode() : v, wording);
    }

    /** The mappings of a list field; empty when absent. */
    public List<ConfigNode> list(String key) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problemAt(key, "must be a list");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            items.add(new ConfigNode(source, field(key) + "[" + i + "]", v.get(i), wording));
        }
        return items;
    }

    /** The mappings under each key of a mapping field; empty when absent. */
    public Map<String, ConfigNode> entries(String key) throws ConfigException {
        ConfigNode s = section(key);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Iterator<String> names = s.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            out.put(name, new ConfigNode(source, s.field(name), s.node.get(name), wording));
        }
        return out;
    }

    /** A mapping of names to single values, e.g. {@code keys: {st-1: secret}}; empty when absent. */
    public Map<String, String> textMap(String key) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw problemAt(key, "must be a mapping of names to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (absent(e.getValue()) || !e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                throw problemAt(key + "." + e.getKey(), "must be a single value");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** A list of words, or one word; empty when absent. */
    public List<String> texts(String key) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v.isArray() ? v : List.of(v)) {
            if (!item.isValueNode()) {
                throw problemAt(key, "must be a list of words");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    /** A text that must be there and not blank. */
    public String string(String key) throws ConfigException {
        String s = text(key, null);
        if (s == null) {
            throw problemAt(key, "is required");
        }
        return s;
    }

    /** A single value as written; {@code fallback} when absent or blank. */
    public String text(String key, String fallback) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw problemAt(key, "must be a single value, not a " + v.getNodeType().name().toLowerCase());
        }
        return v.asText().isBlank() ? fallback : v.asText();
    }

    public double number(String key) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            throw problemAt(key, "is required");
        }
        if (!v.isNumber()) {
            throw problemAt(key, "must be a number, not '" + v.asText() + "'");
        }
        if (!Double.isFinite(v.asDouble())) {
            throw problemAt(key, "must be a finite number");
        }
        return v.asDouble();
    }

    public double number(String key, double fallback) throws ConfigException {
        return has(key) ? number(key) : fallback;
    }

    /** A whole number within {@code [min, max]}, written as a number or as quoted digits. */
    public int integer(String key, int fallback, int min, int max) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return fallback;
        }
        int i;
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            i = v.asInt();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) {
            i = Integer.parseInt(v.asText().trim());
        } else {
            throw problemAt(key, wording.notWhole(v.asText()));
        }
        if (i < min || i > max) {
            throw problemAt(key, wording.outOfRange(min, max, i));
        }
        return i;
    }

    public boolean bool(String key, boolean fallback) throws ConfigException {
        JsonNode v = node.get(key);
        if (absent(v)) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw problemAt(key, "must be true or false, not '" + v.asText() + "'");
        }
        return v.asBoolean();
    }

    /** A text turned into a value by {@code parse}, whose {@link IllegalArgumentException} message is the problem. */
    public <T> T parsed(String key, T fallback, Function<String, T> parse) throws ConfigException {
        String text = text(key, null);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw problemAt(key, e.getMessage());
        }
    }

    /** A duration such as {@code 30s} or {@code 5min}, at least {@code min}; required when {@code fallback} is null. */
    public Duration duration(String key, Duration fallback, Duration min) throws ConfigException {
        if (fallback == null && !has(key)) {
            throw problemAt(key, "is required");
        }
        Duration d = parsed(key, fallback, Quantities::duration);
        if (d.compareTo(min) < 0) {
            throw problemAt(key, "must be at least " + Quantities.format(min) + ", not " + text(key, null));
        }
        return d;
    }

    /** A size such as {@code 64MiB} or {@code 4096}, within {@code [min, max]} bytes. */
    public long bytes(String key, long fallback, long min, long max) throws ConfigException {
        long b = parsed(key, fallback, Quantities::bytes);
        if (b < min) {
            throw problemAt(key, "must be at least " + min + " bytes, not " + text(key, null));
        }
        if (b > max) {
            throw problemAt(key, "must be at most " + max + " bytes, not " + text(key, null));
        }
        return b;
    }

    /** One of an enum's constants, named in any case. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) throws ConfigException {
        String text = text(key, null);
        if (text == null) {
            return fallback;
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
            allowed.add(e.name().toLowerCase());
        }
        throw problemAt(key, "must be one of " + allowed + ", not '" + text + "'");
    }

    /** All entries except {@code excluded}, as plain Java values (String, Number, Boolean, List, Map). */
    public Map<String, Object> remainingAsOptions(Set<String> excluded) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!excluded.contains(e.getKey()) && !e.getValue().isNull()) {
                options.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class));
            }
        }
        return options;
    }
}
