package io.agrisense.platform.alert;

/** A problem with one field of a rule definition, e.g. {@code rules[3].clear}. */
public record FieldError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
