package io.agrisense.platform.alert;

import io.agrisense.protocol.StationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated, immutable set of rules and the lookup of which apply to a station. */
public final class RuleBook {

    /** Classpath location of the rules shipped with the platform. */
    public static final String DEFAULTS_RESOURCE = "alert-rules/defaults.yaml";

    private final Map<String, RuleDefinition> rules;

    private RuleBook(List<RuleDefinition> rules) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        this.rules = byId;
    }

    /** @throws InvalidRulesException naming every field at fault */
    public static RuleBook of(List<RuleDefinition> rules) {
        RuleSet set = new RuleSet(rules);
        List<FieldError> errors = RuleValidator.validate(set);
        if (!errors.isEmpty()) {
            throw new InvalidRulesException("rule book", errors);
        }
        return new RuleBook(set.rules());
    }

    public static RuleBook of(RuleSet set) {
        return of(set.rules());
    }

    public static RuleBook fromYaml(String yaml, String source) {
        return new RuleBook(RuleCodec.readRuleSet(yaml, source).rules());
    }

    /** The defaults shipped in {@value #DEFAULTS_RESOURCE}. */
    public static RuleBook defaults() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return new RuleBook(RuleCodec.readRuleSet(in, DEFAULTS_RESOURCE).rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<RuleDefinition> definitions() {
        return List.copyOf(rules.values());
    }

    public Optional<RuleDefinition> definition(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** A new book with {@code rule} added or replacing the rule with the same id. */
    public RuleBook with(RuleDefinition rule) {
        Map<String, RuleDefinition> copy = new LinkedHashMap<>(rules);
        copy.put(rule.id(), rule);
        return of(new ArrayList<>(copy.values()));
    }

    public RuleBook without(String id) {
        Map<String, RuleDefinition> copy = new LinkedHashMap<>(rules);
        copy.remove(id);
        return new RuleBook(new ArrayList<>(copy.values()));
    }

    /** Enabled rules whose scope covers the station, with the station's override applied, in file order. */
    public List<EffectiveRule> applicable(StationId station, String profile) {
        List<EffectiveRule> out = new ArrayList<>();
        for (RuleDefinition r : rules.values()) {
            if (!r.enabledOrDefault() || !r.scopeOrAll().matches(station, profile)) {
                continue;
            }
            StationOverride override = r.overridesOrEmpty().stream()
                    .filter(o -> station.value().equals(o.station())).findFirst().orElse(null);
            if (override != null && Boolean.FALSE.equals(override.enabled())) {
                continue;
            }
            out.add(EffectiveRule.of(r, override));
        }
        return out;
    }
}
