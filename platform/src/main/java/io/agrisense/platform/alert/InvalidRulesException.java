package io.agrisense.platform.alert;

import java.util.List;
import java.util.stream.Collectors;

/** Rule definitions that cannot be used, with every field-level error found. */
public class InvalidRulesException extends IllegalArgumentException {

    private final transient List<FieldError> errors;

    public InvalidRulesException(String source, List<FieldError> errors) {
        super(source + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n  "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
