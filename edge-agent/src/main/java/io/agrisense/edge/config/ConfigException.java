package io.agrisense.edge.config;

/** A station YAML that cannot be used: names the file, the field path (e.g. {@code sensors[2].interval}) and the problem. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;
    private final String problem;

    public ConfigException(String source, String field, String problem) {
        super(source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.field = field;
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
