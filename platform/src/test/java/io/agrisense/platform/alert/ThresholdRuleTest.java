package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.T0;
import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static final String POND_RULES = """
            rules:
              - id: pond-do
                name: Pond dissolved oxygen critical
                kind: threshold
                metric: dissolved_oxygen
                scope: {profile: crayfish_pond}
                severity: critical
                direction: below
                raise: 3.0
                clear: 3.5
                for: 5m
                action: {command: switch, actuator: aerator, state: "on", duration: 30min}
            """;

    private final AlertScenario s = AlertScenario.withRules(POND_RULES);

    private List<AlertTransition> doReading(double value) {
        return s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", value);
    }

    @Test
    void firesOnceTheConditionHasHeldForTheDurationAndCarriesTheAeratorCommand() {
        assertThat(doReading(2.8)).isEmpty(); // pending: no alert, no notification
        s.clock.advance(minutes(3));
        assertThat(doReading(2.7)).isEmpty();
        s.clock.advance(minutes(2));

        List<AlertTransition> fired = doReading(2.6);

        assertThat(fired).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            Alert a = t.alert();
            assertThat(a.id()).isEqualTo("a-1");
            assertThat(a.ruleId()).isEqualTo("pond-do");
            assertThat(a.ruleName()).isEqualTo("Pond dissolved oxygen critical");
            assertThat(a.station()).isEqualTo(StationId.of("pond-3"));
            assertThat(a.metric()).isEqualTo("dissolved_oxygen");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.conditionSince()).isEqualTo(T0);
            assertThat(a.firedAt()).isEqualTo(T0.plus(minutes(5)));
            assertThat(a.triggerValue()).isEqualTo(2.6);
            assertThat(a.triggerReadingTime()).isEqualTo(T0.plus(minutes(5)));
            assertThat(a.worstValue()).isEqualTo(2.6);
            assertThat(a.message()).isEqualTo("dissolved_oxygen 2.6 mg/L at or below 3 for 5m");
            assertThat(t.command()).hasValueSatisfying(c -> {
                assertThat(c.station()).isEqualTo(StationId.of("pond-3"));
                assertThat(c.payload()).isEqualTo(Map.of("command", "switch", "actuator", "aerator", "state", "on", "duration", "30min"));
            });
        });
    }

    @Test
    void tellsWhenThePendingDurationEndsSoTheTimerCanRunRightThen() {
        assertThat(s.engine.nextDue()).isEmpty();
        doReading(2.9);
        assertThat(s.engine.nextDue()).hasValue(T0.plus(minutes(5)));
        s.clock.advance(minutes(2));
        doReading(2.8);
        assertThat(s.engine.nextDue()).as("the pending period keeps its start").hasValue(T0.plus(minutes(5)));

        assertThat(s.after(minutes(3))).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.FIRING));
        assertThat(s.engine.nextDue()).as("nothing pending once it fired").isEmpty();
    }

    @Test
    void theTimerFiresWhenNoFurtherReadingArrives() {
        doReading(2.9);
        assertThat(s.after(minutes(4))).isEmpty();

        List<AlertTransition> fired = s.after(minutes(1));

        assertThat(fired).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.alert().firedAt()).isEqualTo(T0.plus(minutes(5)));
            assertThat(t.alert().triggerValue()).isEqualTo(2.9);
        });
    }

    @Test
    void aConditionShorterThanTheDurationProducesNothing() {
        doReading(2.8);
        s.after(minutes(2));
        s.clock.advance(minutes(1));
        doReading(3.6); // cleared after 3 minutes of a 5 minute duration
        s.after(minutes(10));

        assertThat(s.log).isEmpty();
        assertThat(s.engine.activeAlerts()).isEmpty();
    }

    @Test
    void flappingBetweenRaiseAndClearLevelsGivesOneAlertNotMany() {
        // 2.9 raises, 3.2 is inside the hysteresis band (below the 3.5 clear level): the condition holds
        for (int i = 0; i < 40; i++) {
            doReading(i % 2 == 0 ? 2.9 : 3.2);
            s.after(Duration.ofSeconds(30));
        }

        assertThat(s.count(AlertState.FIRING)).isEqualTo(1);
        assertThat(s.count(AlertState.RESOLVED)).isZero();
        assertThat(s.engine.activeAlerts()).singleElement()
                .satisfies(a -> assertThat(a.worstValue()).isEqualTo(2.9));

        s.clock.advance(minutes(1));
        assertThat(doReading(3.5)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.alert().resolvedAt()).isEqualTo(s.clock.instant());
            assertThat(t.alert().resolveValue()).isEqualTo(3.5);
            assertThat(t.reason()).isEqualTo("dissolved_oxygen 3.5 mg/L at or above the clear level 3.5");
        });
        assertThat(s.engine.activeAlerts()).isEmpty();
    }

    @Test
    void withoutAClearLevelFlappingAcrossTheRaiseLevelStillCannotStormBecauseOfTheDuration() {
        AlertScenario plain = AlertScenario.withRules("""
                rules:
                  - {id: low, kind: threshold, metric: dissolved_oxygen, severity: warning, direction: below, raise: 3.0, for: 5m}
                """);
        for (int i = 0; i < 40; i++) {
            plain.reading("pond-1", null, "dissolved_oxygen", i % 2 == 0 ? 2.9 : 3.2);
            plain.after(Duration.ofSeconds(30));
        }
        assertThat(plain.log).isEmpty();
    }

    @Test
    void aReFireAfterResolutionIsANewAlert() {
        doReading(2.5);
        s.after(minutes(5));
        s.clock.advance(minutes(1));
        doReading(4.0);
        s.clock.advance(minutes(1));
        doReading(2.5);
        s.after(minutes(5));

        assertThat(s.log).extracting(AlertTransition::state)
                .containsExactly(AlertState.FIRING, AlertState.RESOLVED, AlertState.FIRING);
        assertThat(s.log).extracting(t -> t.alert().id()).containsExactly("a-1", "a-1", "a-2");
    }

    @Test
    void stationsAndProfilesOutsideTheScopeAreNotWatched() {
        s.reading("barn-1", "livestock_barn", "dissolved_oxygen", 1.0);
        s.reading("pond-9", null, "dissolved_oxygen", 1.0);
        s.after(minutes(10));
        assertThat(s.log).isEmpty();
    }

    @Test
    void lateAndDuplicateReadingsAreNotEvaluated() {
        doReading(2.8);
        s.clock.advance(minutes(1));
        // a buffered reading from before the last one: ignored for evaluation
        s.keep(s.engine.onReading(StationId.of("pond-3"), "crayfish_pond", "dissolved_oxygen", T0.minus(minutes(30)), 9.0));
        s.after(minutes(4));

        assertThat(s.log).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.FIRING));
    }

    @Test
    void anAboveThresholdWithoutDurationFiresOnTheFirstReading() {
        AlertScenario heat = AlertScenario.withRules("""
                rules:
                  - {id: heat, kind: threshold, metric: air_temperature, severity: warning, direction: above, raise: 35, clear: 32}
                """);
        assertThat(heat.reading("gh-1", "greenhouse", "air_temperature", 34.9)).isEmpty();
        heat.clock.advance(minutes(1));
        assertThat(heat.reading("gh-1", "greenhouse", "air_temperature", 35.0)).singleElement()
                .satisfies(t -> assertThat(t.alert().message()).isEqualTo("air_temperature 35 Cel at or above 35"));
        heat.clock.advance(minutes(1));
        assertThat(heat.reading("gh-1", "greenhouse", "air_temperature", 33)).isEmpty();
        heat.clock.advance(minutes(1));
        assertThat(heat.reading("gh-1", "greenhouse", "air_temperature", 32)).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.RESOLVED));
    }
}
