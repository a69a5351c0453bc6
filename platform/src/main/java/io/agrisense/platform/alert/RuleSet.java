package io.agrisense.platform.alert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The root of a rules file: {@code rules: [...]}. Null entries are kept so the validator can point at them. */
public record RuleSet(List<RuleDefinition> rules) {

    public RuleSet {
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    }
}
