package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateOfChangeRuleTest {

    private final AlertScenario s = AlertScenario.withRules("""
            rules:
              - id: river-level-rise
                kind: rate_of_change
                metric: water_level
                severity: critical
                direction: rising
                raise: 0.3
                clear: 0.1
                window: 1h
            """);

    private List<AlertTransition> level(double metres) {
        List<AlertTransition> out = s.reading("river-2", "river_water_quality", "water_level", metres);
        s.clock.advance(minutes(10));
        return out;
    }

    @Test
    void aSlowRiseDoesNotFire() {
        // 0.04 m every 10 minutes: at most 0.24 m within any hour
        for (int i = 0; i <= 12; i++) {
            level(1.00 + 0.04 * i);
        }
        assertThat(s.log).isEmpty();
    }

    @Test
    void risingMoreThanTheAmountWithinTheWindowFiresAndCalmingDownResolves() {
        level(1.00);
        level(1.05);
        level(1.10);
        level(1.20);
        List<AlertTransition> fired = level(1.31); // 0.31 m above the lowest level 30 minutes ago

        assertThat(fired).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.alert().triggerValue()).isCloseTo(0.31, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(t.alert().message()).isEqualTo("water_level rose 0.31 m within 1h (now 1.31 m)");
        });

        // the level stays high: the rise within the last hour shrinks as old low samples leave the window
        for (int i = 0; i < 6; i++) {
            level(1.32);
        }
        assertThat(s.count(AlertState.FIRING)).isEqualTo(1);
        assertThat(s.log).last().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.reason()).startsWith("water_level change within 1h down to 0.");
        });
    }

    @Test
    void theDeadBandBetweenClearAndRaiseKeepsTheAlertActive() {
        level(1.00);
        level(1.40); // +0.4: fires
        level(1.35);
        level(1.30); // still 0.30 above 1.00 within the hour: > clear 0.1
        assertThat(s.count(AlertState.FIRING)).isEqualTo(1);
        assertThat(s.count(AlertState.RESOLVED)).isZero();
    }

    @Test
    void fallingRulesWatchTheOtherWay() {
        AlertScenario falling = AlertScenario.withRules("""
                rules:
                  - {id: do-crash, kind: rate_of_change, metric: dissolved_oxygen, severity: warning, direction: falling, raise: 2, window: 2h}
                """);
        falling.reading("pond-1", null, "dissolved_oxygen", 8.0);
        falling.clock.advance(minutes(60));
        assertThat(falling.reading("pond-1", null, "dissolved_oxygen", 6.5)).isEmpty();
        falling.clock.advance(minutes(30));
        assertThat(falling.reading("pond-1", null, "dissolved_oxygen", 5.9)).singleElement()
                .satisfies(t -> assertThat(t.alert().message()).isEqualTo("dissolved_oxygen fell 2.1 mg/L within 2h (now 5.9 mg/L)"));
    }
}
