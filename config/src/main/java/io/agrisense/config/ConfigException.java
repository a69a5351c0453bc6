package io.agrisense.config;

/**
 * A YAML file (or an environment variable) that cannot be used: names the file, the field path (e.g.
 * {@code sensors[2].interval}) and the problem, worded as {@link Wording} says.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;
    private final String problem;

    /** "source: field: problem", the station and gateway files' wording. */
    public ConfigException(String source, String field, String problem) {
        this(source, field, problem, source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    }

    ConfigException(String source, String field, String problem, String message) {
        super(message);
        this.source = source;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** The field path, empty for a problem with the whole document. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
