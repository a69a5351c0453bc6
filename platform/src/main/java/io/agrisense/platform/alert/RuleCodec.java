package io.agrisense.platform.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes rule definitions as YAML (rule files) and JSON (the rules API). Any problem, from a type
 * error to a semantic one, comes back as {@link InvalidRulesException} with field paths.
 */
public final class RuleCodec {

    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private RuleCodec() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A validated rules file. */
    public static RuleSet readRuleSet(String yaml, String source) {
        RuleSet set = parse(() -> YAML.readValue(yaml, RuleSet.class), source, "");
        return requireValid(set, source);
    }

    public static RuleSet readRuleSet(InputStream yaml, String source) {
        RuleSet set = parse(() -> YAML.readValue(yaml, RuleSet.class), source, "");
        return requireValid(set, source);
    }

    /** One validated rule from an API request body (JSON). */
    public static RuleDefinition readRuleJson(String json) {
        RuleDefinition rule = parse(() -> JSON.readValue(json, RuleDefinition.class), "rule", "");
        List<FieldError> errors = RuleValidator.validate(rule);
        if (!errors.isEmpty()) {
            throw new InvalidRulesException("rule '" + rule.id() + "'", errors);
        }
        return rule;
    }

    public static String writeYaml(RuleSet set) {
        return write(YAML, set);
    }

    public static String writeJson(RuleDefinition rule) {
        return write(JSON, rule);
    }

    private static RuleSet requireValid(RuleSet set, String source) {
        List<FieldError> errors = RuleValidator.validate(set);
        if (!errors.isEmpty()) {
            throw new InvalidRulesException(source, errors);
        }
        return set;
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T parse(Reader<T> reader, String source, String root) {
        try {
            T value = reader.read();
            if (value == null) {
                throw new InvalidRulesException(source, List.of(new FieldError(root, "empty document")));
            }
            return value;
        } catch (JacksonException e) {
            StreamReadException syntax = syntaxError(e);
            if (syntax != null) {
                throw new InvalidRulesException(source, List.of(new FieldError(root, describe(syntax))));
            }
            if (e instanceof JsonMappingException m) {
                throw new InvalidRulesException(source, List.of(new FieldError(path(m), describe(m))));
            }
            throw new InvalidRulesException(source, List.of(new FieldError(root, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    /** The parser's complaint without the echoed source lines and caret markers. */
    private static String describe(StreamReadException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        String problem = e.getOriginalMessage().lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.equals("^") && !l.startsWith("at [Source"))
                .filter(l -> e.getOriginalMessage().lines().noneMatch(raw -> raw.startsWith("    ") && raw.strip().equals(l)))
                .collect(java.util.stream.Collectors.joining("; "));
        return "not valid YAML/JSON" + where + ": " + problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            return "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            Throwable cause = f.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            return "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise rules", e);
        }
    }
}
