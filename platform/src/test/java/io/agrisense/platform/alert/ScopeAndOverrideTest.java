package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeAndOverrideTest {

    private static final String RULES = """
            rules:
              - id: pond-do
                kind: threshold
                metric: dissolved_oxygen
                scope: {profile: crayfish_pond}
                severity: critical
                direction: below
                raise: 3.0
                clear: 3.5
                for: 5m
                overrides:
                  - {station: pond-3, raise: 2.5, clear: 3.0, for: 1m}
                  - {station: pond-7, enabled: false}
                  - {station: pond-8, severity: warning}
              - {id: pond-4-only, kind: threshold, metric: ph, scope: {station: pond-4}, severity: info, direction: above, raise: 9}
              - {id: everywhere, kind: threshold, metric: ph, scope: all, severity: warning, direction: below, raise: 5}
              - {id: switched-off, kind: threshold, metric: ph, severity: warning, direction: below, raise: 6, enabled: false}
            """;

    private final RuleBook book = RuleBook.fromYaml(RULES, "scope rules");

    private static List<String> ids(List<EffectiveRule> rules) {
        return rules.stream().map(EffectiveRule::id).toList();
    }

    @Test
    void resolvesWhichRulesApplyToAStation() {
        assertThat(ids(book.applicable(StationId.of("pond-1"), "crayfish_pond"))).containsExactly("pond-do", "everywhere");
        assertThat(ids(book.applicable(StationId.of("pond-4"), "crayfish_pond"))).containsExactly("pond-do", "pond-4-only", "everywhere");
        assertThat(ids(book.applicable(StationId.of("pond-4"), null))).containsExactly("pond-4-only", "everywhere");
        assertThat(ids(book.applicable(StationId.of("barn-1"), "livestock_barn"))).containsExactly("everywhere");
        assertThat(ids(book.applicable(StationId.of("pond-7"), "crayfish_pond"))).containsExactly("everywhere");
    }

    @Test
    void mergesTheStationOverrideIntoTheRule() {
        EffectiveRule pond3 = book.applicable(StationId.of("pond-3"), "crayfish_pond").get(0);
        assertThat(pond3.raise()).isEqualTo(2.5);
        assertThat(pond3.clear()).isEqualTo(3.0);
        assertThat(pond3.forDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(pond3.severity()).isEqualTo(Severity.CRITICAL);

        EffectiveRule pond8 = book.applicable(StationId.of("pond-8"), "crayfish_pond").get(0);
        assertThat(pond8.raise()).isEqualTo(3.0);
        assertThat(pond8.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void theEngineUsesEachStationsOwnLevels() {
        AlertScenario s = new AlertScenario(book);
        s.reading("pond-1", "crayfish_pond", "dissolved_oxygen", 2.8);
        s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.8); // above pond-3's own 2.5
        s.reading("pond-7", "crayfish_pond", "dissolved_oxygen", 1.0); // muted
        s.after(minutes(5));

        assertThat(s.log).extracting(t -> t.alert().station().value()).containsExactly("pond-1");

        s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.4);
        assertThat(s.after(minutes(1))).singleElement().satisfies(t -> {
            assertThat(t.alert().station().value()).isEqualTo("pond-3");
            assertThat(t.alert().message()).isEqualTo("dissolved_oxygen 2.4 mg/L at or below 2.5 for 1m");
        });
    }

    @Test
    void replacingRulesResolvesAlertsOfRulesThatNoLongerApply() {
        AlertScenario s = new AlertScenario(book);
        s.reading("pond-1", "crayfish_pond", "ph", 4.5);
        assertThat(s.log).singleElement().satisfies(t -> assertThat(t.alert().ruleId()).isEqualTo("everywhere"));

        List<AlertTransition> out = s.engine.replaceRules(book.without("everywhere"));

        assertThat(out).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.reason()).isEqualTo("rule 'everywhere' no longer applies to this station (removed, disabled or rescoped)");
        });
        assertThat(s.engine.activeAlerts()).isEmpty();
    }

    @Test
    void updatedLevelsTakeEffectOnTheNextReading() {
        AlertScenario s = new AlertScenario(book);
        s.reading("pond-1", "crayfish_pond", "ph", 5.5);
        RuleDefinition stricter = book.definition("everywhere").map(r -> new RuleDefinition(r.id(), r.name(), r.description(),
                r.kind(), r.metric(), r.scope(), r.severity(), r.direction(), 6.0, r.clear(), r.forDuration(), r.window(),
                r.timeout(), r.action(), r.overrides(), r.enabled())).orElseThrow();

        assertThat(s.engine.replaceRules(book.with(stricter))).isEmpty();
        s.clock.advance(minutes(1));
        assertThat(s.reading("pond-1", "crayfish_pond", "ph", 5.5)).singleElement()
                .satisfies(t -> assertThat(t.alert().message()).isEqualTo("ph 5.5 pH at or below 6"));
    }

    @Test
    void aStationChangingProfileLeavesItsOldProfilesRules() {
        AlertScenario s = new AlertScenario(book);
        s.reading("pond-1", "crayfish_pond", "dissolved_oxygen", 2.0);
        s.after(minutes(5));
        assertThat(s.engine.activeAlerts()).hasSize(1);

        s.engine.registerStation(StationId.of("pond-1"), "river_water_quality");
        assertThat(s.after(Duration.ofSeconds(1))).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.RESOLVED));
    }
}
