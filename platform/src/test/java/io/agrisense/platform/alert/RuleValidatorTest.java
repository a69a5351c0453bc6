package io.agrisense.platform.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    private static final String VALID_RULES = """
            rules:
              - {id: offline, kind: station_offline, severity: warning, timeout: 10m}
              - {id: stale, kind: no_data, metric: "*", severity: warning, timeout: 15m}
              - {id: rise, kind: rate_of_change, metric: water_level, severity: critical, direction: rising, raise: 0.3, window: 1h}
            """;

    private static List<String> errors(String yaml) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> RuleCodec.readRuleSet(yaml, "test.yaml"));
        assertThat(e).as("expected the rules to be rejected").isNotNull();
        return e.errors().stream().map(FieldError::toString).toList();
    }

    private static String rules(String... ruleLines) {
        return "rules:\n" + String.join("\n", ruleLines) + "\n";
    }

    @Test
    void acceptsValidRules() {
        assertThat(RuleCodec.readRuleSet(VALID_RULES, "test.yaml").rules()).hasSize(3);
    }

    @Test
    void anActionMustNameTheAgentsCommand() {
        String yaml = rules(
                "  - {id: pond-do, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0,"
                        + " action: {relay: aerator, state: \"on\"}}",
                "  - {id: pond-do-2, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0,"
                        + " action: {}}");

        assertThat(errors(yaml)).containsExactly(
                "rules[0].action.command: required: the edge agent's command name, e.g. switch (see edge-agent/README.md, Commands)",
                "rules[1].action: an action must carry the command to send, e.g. {command: switch, actuator: aerator, state: \"on\", duration: 30min}");
    }

    @Test
    void explainsAClearLevelOnTheWrongSideOfABelowThreshold() {
        String yaml = rules(
                "  - {id: a, kind: station_offline, severity: info}",
                "  - {id: b, kind: station_offline, severity: info}",
                "  - {id: c, kind: station_offline, severity: info}",
                "  - {id: pond-do, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0, clear: 2.5}");

        assertThat(errors(yaml)).containsExactly(
                "rules[3].clear: for a 'below' threshold the clear level must be above the raise level (got clear 2.5, raise 3.0)");
    }

    @Test
    void reportsEveryFieldAtFaultInOnePass() {
        String yaml = rules(
                "  - {id: Bad Id, kind: threshold, metric: air_temp, direction: rising, raise: 35, timeout: 5m}",
                "  - {id: rate, kind: rate_of_change, metric: water_level, severity: warning, direction: above, raise: -0.3, for: soon}",
                "  - {id: stale, kind: no_data, metric: ph, severity: info, for: 5m, raise: 1}",
                "  - {id: off, kind: station_offline, metric: ph, severity: info, scope: {station: pond-3, profile: crayfish_pond}}",
                "  - {id: rate, kind: threshold, metric: dissolved_oxygen, severity: info, direction: above, raise: 30}");

        assertThat(errors(yaml)).containsExactly(
                "rules[0].id: 'Bad Id' must be 1-64 characters of a-z 0-9 . _ - starting with a letter or digit",
                "rules[0].severity: required: one of info, warning, critical",
                "rules[0].metric: unknown metric 'air_temp' (not in the metric catalogue)",
                "rules[0].direction: 'rising' does not apply: a threshold rule is 'above' or 'below'",
                "rules[0].timeout: only no_data and station_offline rules have a timeout; a threshold rule waits with 'for'",
                "rules[1].direction: 'above' does not apply: a rate_of_change rule is 'rising' or 'falling'",
                "rules[1].raise: the change that raises a rate_of_change alert must be positive; use direction to say which way (got -0.3)",
                "rules[1].for: 'soon' is not a duration like 90s, 15m, 1h30m, 2d or PT15M",
                "rules[1].window: required for a rate_of_change rule: the time the change is measured over, e.g. 1h",
                "rules[2].raise: a no_data rule has no raise level: remove it",
                "rules[2].for: a no_data rule's timeout is its duration: remove for",
                "rules[2].timeout: required for a no_data rule: how long without a reading, e.g. 15m",
                "rules[3].scope: give a station or a profile, not both",
                "rules[3].metric: a station_offline rule watches the station, not a metric: remove metric",
                "rules[4].raise: 30.0 mg/L is outside dissolved_oxygen's plausible range 0.0..25.0: it could never be reached",
                "rules[4].id: duplicate id 'rate' (also rules[1])");
    }

    @Test
    void checksStationOverridesAgainstTheMergedRule() {
        String yaml = rules(
                "  - id: pond-do",
                "    kind: threshold",
                "    metric: dissolved_oxygen",
                "    scope: {station: pond-1}",
                "    severity: critical",
                "    direction: below",
                "    raise: 3.0",
                "    clear: 3.5",
                "    overrides:",
                "      - {station: pond-1, raise: 4.0}",
                "      - {station: pond-1, clear: 4.0}",
                "      - {station: pond-2, window: 1h}",
                "      - {raise: 2.0}");

        assertThat(errors(yaml)).containsExactly(
                "rules[0].overrides[0].clear: for a 'below' threshold the clear level must be above the raise level (got clear 3.5, raise 4.0)",
                "rules[0].overrides[1].station: station 'pond-1' already has overrides[0]",
                "rules[0].overrides[2].station: station 'pond-2' is outside the rule's scope (station 'pond-1')",
                "rules[0].overrides[2].window: only rate_of_change rules have a window: remove it",
                "rules[0].overrides[3].station: required");
    }

    @Test
    void typeErrorsComeBackWithTheirPath() {
        assertThat(errors(rules("  - {id: x, kind: threshhold, severity: info}")))
                .containsExactly("rules[0].kind: 'threshhold' is not one of threshold, rate_of_change, no_data, station_offline");
        assertThat(errors(rules("  - {id: x, kind: threshold, metric: ph, severity: info, direction: above, raise: high}")))
                .singleElement().asString().startsWith("rules[0].raise: ");
        assertThat(errors(rules("  - {id: x, kind: threshold, treshold: 3}")))
                .singleElement().asString().startsWith("rules[0].treshold: unknown field 'treshold' (known: ");
        assertThat(errors(rules("  - {id: x, kind: no_data, metric: ph, severity: info, timeout: 5m, scope: some}")))
                .containsExactly("rules[0].scope: 'some' is not a scope: write all, {station: <id>} or {profile: <name>}");
        assertThat(errors("rules: [ {id: x")).singleElement().asString().startsWith("not valid YAML/JSON at line 1");
    }

    @Test
    void theApiFormValidatesOneRuleWithRelativePaths() {
        String json = """
                {"id":"pond-do","kind":"threshold","metric":"dissolved_oxygen","severity":"critical",
                 "direction":"below","raise":3.0,"clear":2.0}
                """;
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> RuleCodec.readRuleJson(json));
        assertThat(e.errors()).containsExactly(new FieldError("clear",
                "for a 'below' threshold the clear level must be above the raise level (got clear 2.0, raise 3.0)"));
        assertThat(e).hasMessageStartingWith("rule 'pond-do' has 1 error:");
    }

    @Test
    void rulesRoundTripThroughJsonAndYaml() {
        String json = """
                {"id":"pond-do","kind":"threshold","metric":"dissolved_oxygen","scope":{"profile":"crayfish_pond"},
                 "severity":"critical","direction":"below","raise":3.0,"clear":3.5,"for":"2m",
                 "action":{"command":"switch","actuator":"aerator","state":"on","duration":"30min"},
                 "overrides":[{"station":"pond-3","raise":2.5,"clear":3.0}]}
                """;
        RuleDefinition rule = RuleCodec.readRuleJson(json);
        assertThat(rule.forDuration()).isEqualTo("2m");
        assertThat(rule.action()).containsEntry("duration", "30min").containsEntry("state", "on");
        assertThat(RuleCodec.readRuleJson(RuleCodec.writeJson(rule))).isEqualTo(rule);

        String yaml = RuleCodec.writeYaml(new RuleSet(List.of(rule)));
        assertThat(yaml).contains("for: 2m").contains("direction: below");
        assertThat(RuleCodec.readRuleSet(yaml, "written.yaml").rules()).containsExactly(rule);
    }

    @Test
    void ruleBookRefusesInvalidRules() {
        RuleDefinition bad = new RuleDefinition("x", null, null, RuleKind.NO_DATA, "ph", null, Severity.INFO, null,
                null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> RuleBook.of(List.of(bad)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("rules[0].timeout: required for a no_data rule");
    }
}
